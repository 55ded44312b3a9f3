#include <l4.h>
#include "format.h"

#define CONSOLE_CHUNK 128

static void write_to_console(struct sink *sink)
{
    if (sink->length > 0)
        l4_kdebug_write(sink->buffer, sink->length);
    sink->length = 0;
}

void l4_printf(const char *format, ...)
{
    char chunk[CONSOLE_CHUNK];
    struct sink sink = { chunk, sizeof chunk, 0, write_to_console };
    va_list arguments;
    va_start(arguments, format);
    sink_format(&sink, format, arguments);
    va_end(arguments);
    write_to_console(&sink);
}

void l4_print(const char *text)
{
    l4_word length = 0;
    while (text[length])
        length++;
    l4_kdebug_write(text, length);
}

void l4_print_dec(l4_u64 value)
{
    l4_printf("%llu", value);
}

void l4_print_hex(l4_u64 value)
{
    l4_printf("0x%llx", value);
}

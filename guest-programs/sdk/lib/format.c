#include <l4.h>
#include "format.h"

void sink_put(struct sink *sink, char c)
{
    if (sink->length == sink->capacity) {
        if (!sink->flush)
            return;
        sink->flush(sink);
    }
    sink->buffer[sink->length++] = c;
}

struct field {
    l4_word width;
    char pad;      /* ' ' or '0' */
    int left;      /* '-' flag: pad on the right */
};

static void put_padded(struct sink *sink, const char *text, l4_word length, struct field field)
{
    l4_word padding = field.width > length ? field.width - length : 0;
    if (!field.left)
        for (; padding > 0; padding--)
            sink_put(sink, field.pad);
    for (l4_word i = 0; i < length; i++)
        sink_put(sink, text[i]);
    for (; padding > 0; padding--)
        sink_put(sink, ' ');
}

static void put_string(struct sink *sink, const char *text, struct field field)
{
    l4_word length = 0;
    while (text[length])
        length++;
    put_padded(sink, text, length, field);
}

/* As in C's printf, the sign goes before zero padding but after space padding. */
static void put_number(struct sink *sink, l4_u64 value, l4_word base, int negative,
                       struct field field)
{
    char text[24];
    l4_word start = sizeof text;
    do {
        text[--start] = "0123456789abcdef"[value % base];
        value /= base;
    } while (value != 0);
    if (negative && field.pad == '0' && !field.left) {
        sink_put(sink, '-');
        field.width = field.width > 0 ? field.width - 1 : 0;
    } else if (negative) {
        text[--start] = '-';
    }
    put_padded(sink, text + start, sizeof text - start, field);
}

static l4_u64 take_unsigned(va_list *arguments, l4_word longs)
{
    return longs >= 2 ? va_arg(*arguments, unsigned long long)
         : longs == 1 ? va_arg(*arguments, unsigned long)
                      : va_arg(*arguments, unsigned int);
}

static long long take_signed(va_list *arguments, l4_word longs)
{
    return longs >= 2 ? va_arg(*arguments, long long)
         : longs == 1 ? va_arg(*arguments, long)
                      : va_arg(*arguments, int);
}

void sink_format(struct sink *sink, const char *format, va_list arguments)
{
    va_list args;
    va_copy(args, arguments);
    for (const char *f = format; *f; f++) {
        if (*f != '%') {
            sink_put(sink, *f);
            continue;
        }
        struct field field = { 0, ' ', 0 };
        for (f++; *f == '-' || *f == '0'; f++) {
            if (*f == '-')
                field.left = 1;
            else
                field.pad = '0';
        }
        for (; *f >= '0' && *f <= '9'; f++)
            field.width = field.width * 10 + (l4_word)(*f - '0');
        l4_word longs = 0;
        for (; *f == 'l'; f++)
            longs++;
        switch (*f) {
        case 's':
            put_string(sink, va_arg(args, const char *), field);
            break;
        case 'c': {
            char c = (char)va_arg(args, int);
            put_padded(sink, &c, 1, field);
            break;
        }
        case 'u':
            put_number(sink, take_unsigned(&args, longs), 10, 0, field);
            break;
        case 'x':
            put_number(sink, take_unsigned(&args, longs), 16, 0, field);
            break;
        case 'd': {
            long long value = take_signed(&args, longs);
            put_number(sink, value < 0 ? -(l4_u64)value : (l4_u64)value, 10, value < 0, field);
            break;
        }
        case '%':
            sink_put(sink, '%');
            break;
        case '\0':
            va_end(args);
            return;
        default: /* unknown conversion: show it rather than guess */
            sink_put(sink, '%');
            sink_put(sink, *f);
            break;
        }
    }
    va_end(args);
}

char *l4_snprintf(char *buffer, l4_word size, const char *format, ...)
{
    if (size == 0)
        return buffer;
    struct sink sink = { buffer, size - 1, 0, 0 };
    va_list arguments;
    va_start(arguments, format);
    sink_format(&sink, format, arguments);
    va_end(arguments);
    buffer[sink.length] = '\0';
    return buffer;
}

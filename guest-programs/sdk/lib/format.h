/* The formatter behind l4_printf and l4_snprintf: writes characters into a sink that either
   flushes to the console or cuts the text when its buffer is full. */
#ifndef L4_LIB_FORMAT_H
#define L4_LIB_FORMAT_H

#include <stdarg.h>
#include <l4/types.h>

struct sink {
    char *buffer;
    l4_word capacity;
    l4_word length;
    void (*flush)(struct sink *sink); /* 0: drop what does not fit */
};

void sink_put(struct sink *sink, char c);
void sink_format(struct sink *sink, const char *format, va_list arguments);

#endif

#include <stdlib.h>

int grow(struct vec *v, size_t n, char *buf)
{
    // ruleid: c-realloc-leak
    v->data = realloc(v->data, n * sizeof *v->data);
    // ruleid: c-realloc-leak
    buf = (char *)realloc(buf, n);
    // ok: c-realloc-leak
    char *tmp = realloc(buf, n);
    if (!tmp) return -1;
    // ok: c-realloc-leak
    buf = tmp;
    // ok: c-realloc-leak
    v->items = reallocf(v->items, n);
    /* buf = realloc(buf, n) in a comment */
    return 0;
}

/* fragment */
    while (len + 1 > cap) {
        cap *= 2;
        // ruleid: c-realloc-leak
        line = realloc(line, cap);

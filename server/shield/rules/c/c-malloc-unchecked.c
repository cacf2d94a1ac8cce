#include <stdlib.h>
#include <string.h>

struct node *push(struct node *head, const char *s, size_t n)
{
    struct node *node = malloc(sizeof *node);
    // ruleid: c-malloc-unchecked
    node->next = head;
    char *copy = (char *)malloc(n + 1);
    // ruleid: c-malloc-unchecked
    memcpy(copy, s, n);
    char *buf;
    buf = calloc(n, 1);
    // ruleid: c-malloc-unchecked
    buf[0] = 'x';
    char *ok = malloc(n);
    // ok: c-malloc-unchecked
    if (!ok) return NULL;
    // ok: c-malloc-unchecked
    memcpy(ok, s, n);
    char *other = malloc(n);
    // ok: c-malloc-unchecked
    memcpy(copy, other, n);
    /* node->next = head without a check, in a comment */
    return node;
}

/* fragment */
    int *values = malloc(count * sizeof *values);
    // ruleid: c-malloc-unchecked
    memset(values, 0, count * sizeof *values);

/* a function cut off in the middle */
char *dup_line(const char *s, size_t n) {
    char *out = malloc(n + 1);
    // ruleid: c-malloc-unchecked
    memcpy(out, s, n);
    if (n > 0) {

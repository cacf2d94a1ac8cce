#include <stdlib.h>

struct item { int id; char name[32]; };

struct item *load(size_t count, struct item *old, size_t width, size_t height)
{
    // ruleid: c-malloc-size-overflow
    struct item *items = malloc(count * sizeof(struct item));
    // ruleid: c-malloc-size-overflow
    unsigned char *pixels = malloc(width * height * 4);
    // ruleid: c-malloc-size-overflow
    old = realloc(old, sizeof(*old) * count);
    // ok: c-malloc-size-overflow
    struct item *safe = calloc(count, sizeof(struct item));
    // ok: c-malloc-size-overflow
    char *fixed = malloc(16 * sizeof(char));
    // ok: c-malloc-size-overflow
    struct item *table = malloc(MAX_ITEMS * sizeof(struct item));
    // ok: c-malloc-size-overflow
    char *name = malloc(count + 1);
    // ok: c-malloc-size-overflow
    struct item **stack = alloca(count * sizeof(struct item *));
    /* malloc(count * size) in a comment */
    return items ? items : (safe ? safe : (struct item *)pixels);
}

/* fragment */
    // ruleid: c-malloc-size-overflow
    int *values = (int *)malloc(n * sizeof(int));
    for (size_t i = 0; i < n; i++) {

/* Code Shield's test snippets (potential-integer-overflow-to-buffer-overflow) */
void icd_malloc(size_t n)
{
    char *ptr;
    // ruleid: c-malloc-size-overflow
    ptr = malloc(n * 5);
    // ok: c-malloc-size-overflow
    if (n < SIZE_MAX/5) { ptr = malloc(n * 5); }
    // ok: c-malloc-size-overflow
    ptr = malloc(WIDTH * 5);
    if (n) {
        // ruleid: c-malloc-size-overflow
        ptr = malloc(n * 5);
    }
    // ruleid: c-malloc-size-overflow
    if ((ptr = malloc(n * 5)) == NULL) return;
}

#include <stdlib.h>
#include <string.h>

char *copy(const char *s)
{
    // ruleid: c-strlen-alloc-off-by-one
    char *d = malloc(strlen(s));
    // ruleid: c-strlen-alloc-off-by-one
    char *e = (char *)malloc(strlen(s) * sizeof(char));
    // ok: c-strlen-alloc-off-by-one
    char *f = malloc(strlen(s) + 1);
    // ok: c-strlen-alloc-off-by-one
    char *g = strdup(s);
    // ok: c-strlen-alloc-off-by-one
    size_t n = strlen(s);
    /* malloc(strlen(s)) in a comment */
    strcpy(d, s);
    return d;
}

/* fragment */
    // ruleid: c-strlen-alloc-off-by-one
    char *name = malloc(strlen(argv[1]));
    strcpy(name, argv[1]);

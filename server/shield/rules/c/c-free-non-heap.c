#include <stdlib.h>

struct conn { char buf[128]; int fd; };

void cleanup(struct conn *c, char *heap)
{
    char local[64];
    int value = 0;
    char *p = malloc(10);
    // ruleid: c-free-non-heap
    free(&value);
    // ruleid: c-free-non-heap
    free(local);
    // ruleid: c-free-non-heap
    free(&c->buf);
    if (c->fd < 0) {
        // ruleid: c-free-non-heap
        free(local);
    }
    // ok: c-free-non-heap
    free(p);
    // ok: c-free-non-heap
    free(heap);
    // ok: c-free-non-heap
    free(c);
    // ok: c-free-non-heap
    free(*slots);
    /* free(&value) in a comment */
}

/* fragment */
    char name[32];
    snprintf(name, sizeof name, "%s", input);
    // ruleid: c-free-non-heap
    free(name);

/* a function cut off in the middle */
int reply(int fd) {
    char msg[128];
    build(msg);
    // ruleid: c-free-non-heap
    free(msg);
    if (fd < 0) {

/* Code Shield's test snippets (invalid-free) */
// ruleid: c-free-non-heap
void foo() { char buf[10]; free(buf);}
// ruleid: c-free-non-heap
void foo2() { char ptr; free(&ptr);}

#include <stdlib.h>

int process(struct session *s, char *buf, int err)
{
    free(buf);
    // ruleid: c-double-free
    free(buf);

    if (err) {
        free(s->name);
        log_error("bad session");
    }
    // ruleid: c-double-free
    free(s->name);

    if (err)
        free(s->data);
    // ruleid: c-double-free
    free(s->data);

    free(s->a);
    // ok: c-double-free
    free(s->b);

    if (err) {
        free(s->token);
        return -1;
    }
    // ok: c-double-free
    free(s->token);

    if (err) {
        free(s->key);
        s->key = NULL;
    }
    // ok: c-double-free
    free(s->key);

    free(s->path);
    s->path = strdup("/tmp");
    // ok: c-double-free
    free(s->path);
    /* free(buf); free(buf); in a comment */
    return 0;
}

/* fragment */
    free(reply);
    // ruleid: c-double-free
    free(reply);
    if (retry) {

/* a function cut off in the middle */
void close_conn(struct conn *c) {
    free(c->buf);
    // ruleid: c-double-free
    free(c->buf);
    if (c->fd >= 0) {

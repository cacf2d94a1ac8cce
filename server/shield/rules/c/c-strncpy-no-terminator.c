#include <string.h>

struct user { char name[32]; };

void set_name(struct user *u, const char *name, char *dst)
{
    char buf[64];
    // ruleid: c-strncpy-no-terminator
    strncpy(u->name, name, sizeof(u->name));
    // ruleid: c-strncpy-no-terminator
    strncpy(dst, name, strlen(name));
    // ok: c-strncpy-no-terminator
    strncpy(buf, name, sizeof(buf) - 1);
    // ok: c-strncpy-no-terminator
    strncpy(dst, name, strlen(name) + 1);
    // ok: c-strncpy-no-terminator
    strlcpy(buf, name, sizeof buf);
    /* strncpy(buf, name, sizeof buf) in a comment */
}

/* fragment */
    char host[256];
    // ruleid: c-strncpy-no-terminator
    strncpy(host, argv[1], sizeof host);
    connect_to(host);

/* a function cut off in the middle */
void set_host(const char *h) {
    char host[64];
    // ruleid: c-strncpy-no-terminator
    strncpy(host, h, sizeof(host));
    if (connect_to(host) < 0) {

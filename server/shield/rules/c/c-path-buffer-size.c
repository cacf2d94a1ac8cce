#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

int resolve(const char *in, char *out)
{
    char resolved[256];
    char cwd[128];
    char full[PATH_MAX];
    // ruleid: c-path-buffer-size
    realpath(in, resolved);
    // ruleid: c-path-buffer-size
    getwd(cwd);
    // ok: c-path-buffer-size
    realpath(in, full);
    // ok: c-path-buffer-size
    char *heap = realpath(in, NULL);
    // ok: c-path-buffer-size
    getcwd(cwd, sizeof cwd);
    // ruleid: c-path-buffer-size
    if (realpath(out, resolved) == NULL) return -1;
    /* realpath(in, resolved) in a comment */
    return 0;
}

/* a function cut off in the middle */
int check(const char *p) {
    char buf[64];
    // ruleid: c-path-buffer-size
    if (!realpath(p, buf)) {

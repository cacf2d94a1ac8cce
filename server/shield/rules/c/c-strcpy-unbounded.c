#include <stdio.h>
#include <string.h>

void greet(const char *name, const char *suffix)
{
    char buf[32];
    // ruleid: c-strcpy-unbounded
    strcpy(buf, name);
    // ruleid: c-strcpy-unbounded
    strcat(buf, suffix);
    // ruleid: c-strcpy-unbounded
    wcscpy(wbuf, argv_w[1]);
    // ok: c-strcpy-unbounded
    strcpy(buf, "hello, ");
    // ok: c-strcpy-unbounded
    strcat(buf, "!");
    // ok: c-strcpy-unbounded
    snprintf(buf, sizeof buf, "%s%s", name, suffix);
    // ok: c-strcpy-unbounded
    strlcpy(buf, name, sizeof buf);
    // ok: c-strcpy-unbounded
    puts("never strcpy(buf, name) here");
    // ok: c-strcpy-unbounded
    strcpy(buf, DEFAULT_GREETING);
    char *copy = alloca(strlen(name) + strlen(suffix) + 1);
    // ok: c-strcpy-unbounded
    strcpy(stpcpy(copy, name), suffix);
    char *other = lookup(name);
    // ruleid: c-strcpy-unbounded
    strcpy(stpcpy(other, name), suffix);
    // ruleid: c-strcpy-unbounded
    strcpy(user->name + 1, name);
    /* strcpy(buf, name) in a comment */
    my_strcpy(buf, name);
}

/* A function body without its function, as a model often writes it. */
    char path[PATH_MAX];
    // ruleid: c-strcpy-unbounded
    strcpy(path, getenv("HOME"));
    if (extra) {
        // ruleid: c-strcpy-unbounded
        strcat(path, extra);

/* Code Shield's test snippets (bugprone-strcpy, bugprone-strcat, vulnerable-strcpy) */
void icd_strcpy(char *dest, const char *src, const char *source)
{
    // ruleid: c-strcpy-unbounded
    strcpy(dest, src);
    // strcpy(dest, src)
    // ruleid: c-strcpy-unbounded
    strcat(dest, source);
    char buf[100];
    // ruleid: c-strcpy-unbounded
    strcpy(buf, src);
}

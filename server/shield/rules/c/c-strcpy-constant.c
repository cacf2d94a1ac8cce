#include <string.h>

void greet(char *out, const char *name)
{
    char buf[8];
    // ruleid: c-strcpy-constant
    strcpy(buf, "hello, world");
    // ruleid: c-strcpy-constant
    strcat(out, "!");
    // ok: c-strcpy-constant
    strcpy(out, name);
    // ok: c-strcpy-constant
    snprintf(buf, sizeof buf, "%s", "hello");
    // ok: c-strcpy-constant
    strncpy(buf, "hi", sizeof buf - 1);
    /* strcpy(buf, "x") in a comment */
}

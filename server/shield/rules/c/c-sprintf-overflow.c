#include <stdio.h>
#include <stdarg.h>

void log_line(char *out, const char *user, int code, const char *fmt, va_list ap)
{
    char buf[64];
    // ruleid: c-sprintf-overflow
    sprintf(buf, "user=%s code=%d", user, code);
    // ruleid: c-sprintf-overflow
    vsprintf(out, fmt, ap);
    // ruleid: c-sprintf-overflow
    sprintf(buf, "%-20s|", user);
    // ok: c-sprintf-overflow
    sprintf(buf, "code=%d", code);
    // ok: c-sprintf-overflow
    sprintf(buf, "%.20s", user);
    // ok: c-sprintf-overflow
    sprintf(buf, "100%%s done");
    // ok: c-sprintf-overflow
    snprintf(buf, sizeof buf, "user=%s", user);
    // ok: c-sprintf-overflow
    vsnprintf(out, 128, fmt, ap);
    char *msg = malloc(strlen(user) + 16);
    // ok: c-sprintf-overflow
    sprintf(msg, "user=%s", user);
    /* sprintf(buf, "%s", user) in a comment */
    puts("sprintf(buf, \"%s\", user)");
}

/* fragment: unclosed function body */
    char line[80];
    // ruleid: c-sprintf-overflow
    sprintf(line, "%s: %s\n", key, value);

/* Code Shield's test snippet (vulnerable-sprintf) */
void icd_sprintf(char *dest, const char *buffer)
{
    // ruleid: c-sprintf-overflow
    sprintf(dest, "%s", buffer);
    // ok: c-sprintf-overflow
    snprintf(dest, 16, "%s", buffer);
}

#include <stdio.h>
#include <syslog.h>

void report(FILE *log, const char *msg, char *out, size_t n)
{
    // ruleid: c-format-string
    printf(msg);
    // ruleid: c-format-string
    fprintf(log, msg);
    // ruleid: c-format-string
    syslog(LOG_ERR, msg);
    // ruleid: c-format-string
    snprintf(out, n, argv[1]);
    // ok: c-format-string
    printf("%s", msg);
    // ok: c-format-string
    printf("ready\n");
    // ok: c-format-string
    fprintf(log, "%s\n", msg);
    // ok: c-format-string
    printf(USAGE);
    // ok: c-format-string
    fprintf(stderr, "%s: %"PRIxPTR" %ld\n", __func__, (uintptr_t) cookie, lmid);
    // ok: c-format-string
    printf(_("Saved.\n"));
    // ok: c-format-string
    fprintf(stderr, fmt, code, msg);
    /* printf(msg) in a comment */
    puts("printf(msg)");
}

/* fragment */
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        // ruleid: c-format-string
        printf(line);

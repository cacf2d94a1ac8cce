#include <stdio.h>
#include <stdlib.h>

FILE *open_scratch(void)
{
    char name[L_tmpnam];
    char tmpl[] = "/tmp/app-XXXXXX";
    // ruleid: c-insecure-tempfile
    tmpnam(name);
    // ruleid: c-insecure-tempfile
    char *dir = tempnam("/tmp", "app");
    // ruleid: c-insecure-tempfile
    FILE *f = fopen(mktemp(tmpl), "w");
    // ok: c-insecure-tempfile
    int fd = mkstemp(tmpl);
    // ok: c-insecure-tempfile
    FILE *t = tmpfile();
    // ok: c-insecure-tempfile
    char *d = mkdtemp(tmpl);
    /* tmpnam(name) is racy */
    puts("mktemp(tmpl)");
    return f;
}

/* fragment */
    char path[64];
    strcpy(path, "/tmp/upload.XXXXXX");
    // ruleid: c-insecure-tempfile
    if (mktemp(path) == NULL) {

/* Code Shield's test snippet (insecure-tmpnam-usage) */
void icd_tmpnam(void)
{
    char *temp_filename;
    // ruleid: c-insecure-tempfile
    temp_filename = tmpnam(NULL);
}

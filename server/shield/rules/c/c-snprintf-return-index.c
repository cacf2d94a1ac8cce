#include <stdio.h>
#include <string.h>

void label(char *dest, const char *name)
{
    int ret = snprintf(dest, 10, "%s:", name);
    // ruleid: c-snprintf-return-index
    dest[ret] = '!';
}

void join(char *buf, size_t size, const char *a, const char *b)
{
    int n = snprintf(buf, size, "%s", a);
    // ruleid: c-snprintf-return-index
    snprintf(buf + n, size - n, "/%s", b);
}

void terminate(char *out, const char *s)
{
    int len;
    len = snprintf(out, 32, "%s", s);
    // ruleid: c-snprintf-return-index
    *(out + len) = '\0';
}

void checked(char *dest, const char *name)
{
    int ret = snprintf(dest, 10, "%s:", name);
    if (ret < 0 || ret >= 10) return;
    // ok: c-snprintf-return-index
    dest[ret] = '!';
}

void other_index(char *dest, const char *name, int i)
{
    int ret = snprintf(dest, 10, "%s:", name);
    // ok: c-snprintf-return-index
    dest[i] = '!';
    // ok: c-snprintf-return-index
    strcpy(other + ret, name);
}

/* Code Shield's test snippets (bugprone-snprintf) */
void icd1(char *dest, const char *src) {
    int ret;
    // ruleid: c-snprintf-return-index
    ret = snprintf(dest, 10, src); dest[ret] = '1';
}
void icd2(char *dest, const char *src) {
    int ret;
    // ok: c-snprintf-return-index
    ret = snprintf(dest, 10, src);
}
void icd3(char *dest, const char *src) {
    int ret;
    // ok: c-snprintf-return-index
    ret = snprintf(dest, 10, src); if (ret < 10) { dest[ret] = '1'; }
}
void icd4(char *dest, const char *src) {
    int ret;
    // ok: c-snprintf-return-index
    ret = snprintf(dest, 10, src); if (src < 10) { *(dest + ret); }
}

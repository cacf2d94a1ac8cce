#include <string.h>

void parse_packet(const unsigned char *pkt, size_t len)
{
    unsigned char payload[256];
    char name[32] = {0};
    size_t n = pkt[0];
    // ruleid: c-memcpy-stack-buffer
    memcpy(payload, pkt + 1, len);
    // ruleid: c-memcpy-stack-buffer
    memmove(name, pkt + 2, n);
    if (n > 0) {
        // ruleid: c-memcpy-stack-buffer
        memcpy(name, pkt, n - 1);
    }
    // ok: c-memcpy-stack-buffer
    memcpy(payload, pkt, sizeof(payload));
    // ok: c-memcpy-stack-buffer
    memcpy(name, pkt, 16);
    // ok: c-memcpy-stack-buffer
    memcpy(name, pkt, MIN(n, sizeof name));
    // ok: c-memcpy-stack-buffer
    memcpy(heap_copy, pkt, len);
    char dirname[lastslash - file_name + 1];
    // ok: c-memcpy-stack-buffer
    memcpy(dirname, file_name, lastslash - file_name);
    char small[n];
    // ruleid: c-memcpy-stack-buffer
    memcpy(small, pkt, len);
    /* memcpy(payload, pkt, len) in a comment */
}

void checked(const char *src, size_t len)
{
    char out[64];
    if (len >= sizeof(out))
        return;
    // ok: c-memcpy-stack-buffer
    memcpy(out, src, len);
}

void checked_macro(const char *src, size_t len)
{
    char out[BUF_LEN];
    if (len > BUF_LEN) return;
    // ok: c-memcpy-stack-buffer
    memcpy(out, src, len);
}

/* Code Shield's test snippets (write-to-stack-buffer) */
void icd_memcpy(const char *src)
{
    char buf[100]; int n = func();
    // ruleid: c-memcpy-stack-buffer
    memcpy(buf, src, n);
    // ruleid: c-memcpy-stack-buffer
    memmove(buf, src, n);
}
void icd_memcpy_checked(const char *src)
{
    char buf[100]; int n = func();
    // ok: c-memcpy-stack-buffer
    if (n < 100) { memcpy(buf, src, n); }
}
// ruleid: c-memcpy-stack-buffer
void func(int n) { char buf[100]; memcpy(buf, src, n); }

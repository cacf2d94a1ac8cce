#include <alloca.h>
#include <string.h>

void copy_name(const char *name, size_t len)
{
    // ruleid: c-alloca-variable
    char *tmp = alloca(len + 1);
    // ruleid: c-alloca-variable
    char *upper = (char *)alloca(strlen(name) + 1);
    // ok: c-alloca-variable
    char *small = alloca(64);
    // ok: c-alloca-variable
    struct hdr *h = alloca(sizeof(struct hdr));
    // ok: c-alloca-variable
    char *line = alloca(MAX_LINE);
    // ok: c-alloca-variable
    char *heap = malloc(len + 1);
    // ok: c-alloca-variable
    char *digits = alloca(1 + 3 * sizeof(unsigned long));
    // ok: c-alloca-variable
    char *cache = alloca(strlen(CACHE_FILE) + 1);
    // ruleid: c-alloca-variable
    int *found = alloca(sizeof(int) * len);
    /* alloca(len) in a comment */
    memcpy(tmp, name, len);
}

/* fragment */
    size_t n = read_u32(pkt);
    // ruleid: c-alloca-variable
    uint8_t *body = _alloca(n);

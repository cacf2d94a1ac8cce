#include <string.h>
#include <stdlib.h>

int login(const char *user)
{
    char password[64];
    read_password(password, sizeof password);
    int ok = check(user, password);
    // ruleid: c-memset-secret
    memset(password, 0, sizeof password);
    return ok;
}

void drop_key(struct session *s)
{
    unsigned char key[32];
    derive(s, key);
    use(key);
    // ruleid: c-memset-secret
    memset(key, 0, sizeof(key));
}

void release(char *secret, size_t n)
{
    // ruleid: c-memset-secret
    memset(secret, 0, n);
    free(secret);
}

void fine(char *secret, size_t n, char *buf)
{
    // ok: c-memset-secret
    explicit_bzero(secret, n);
    free(secret);
    // ok: c-memset-secret
    memset(buf, 0, n);
    free(buf);
    // ok: c-memset-secret
    memset(secret, 0, n);
    reuse(secret);
    /* memset(secret, 0, n) before free in a comment */
}

#include <pwd.h>
#include <sys/types.h>

void show_owner(uid_t uid)
{
    char line[256];
    // ruleid: c-getpw
    if (getpw(uid, line) == 0)
        puts(line);
    struct passwd pw, *res;
    char buf[1024];
    // ok: c-getpw
    getpwuid_r(uid, &pw, buf, sizeof buf, &res);
    // ok: c-getpw
    struct passwd *p = getpwuid(uid);
    // ok: c-getpw
    struct passwd *root = getpwnam("root");
    /* getpw(uid, line) in a comment */
}

/* Code Shield's test snippet (obsolete-getpw-usage) */
void icd_getpw(int buff, char *buffer)
{
    // ruleid: c-getpw
    getpw(buff, buffer);
}

#include <unistd.h>

void jail(const char *dir)
{
    // ruleid: c-chroot-no-chdir
    chroot(dir);
    setuid(65534);
}

int jail2(const char *dir)
{
    // ruleid: c-chroot-no-chdir
    if (chroot(dir) != 0)
        return -1;
    return drop_privileges();
}

int jail_ok(const char *dir)
{
    // ok: c-chroot-no-chdir
    if (chroot(dir) != 0 || chdir("/") != 0)
        return -1;
    return 0;
}

void jail_ok2(const char *dir)
{
    // ok: c-chroot-no-chdir
    chroot(dir);
    chdir("/");
    /* chroot(dir) without chdir in a comment */
}

int jail_then_chdir(const char *dir)
{
    // ok: c-chroot-no-chdir
    chdir(dir);
    // ok: c-chroot-no-chdir
    if (chroot(".") != 0) return -1;
    return 0;
}

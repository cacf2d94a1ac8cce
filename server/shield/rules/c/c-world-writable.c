#include <sys/stat.h>

void publish(const char *path, int fd)
{
    // ruleid: c-world-writable
    chmod(path, 0777);
    // ruleid: c-world-writable
    fchmod(fd, 0666);
    // ruleid: c-world-writable
    chmod(path, S_IRWXU | S_IRWXG | S_IRWXO);
    // ruleid: c-world-writable
    umask(0);
    // ok: c-world-writable
    chmod(path, 0644);
    // ok: c-world-writable
    chmod(path, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
    // ok: c-world-writable
    umask(022);
    // ok: c-world-writable
    chmod(path, 0755);
    /* chmod(path, 0777) in a comment */
}

/* fragment */
    mkdir(dir, 0700);
    // ruleid: c-world-writable
    if (chmod(sock_path, 0777) < 0) {

#include <fcntl.h>
#include <unistd.h>

int write_report(const char *path, const char *data)
{
    // ruleid: c-toctou-access
    if (access(path, W_OK) != 0)
        return -1;
    int fd = open(path, O_WRONLY | O_TRUNC);
    return write(fd, data, strlen(data));
}

FILE *read_config(const char *file)
{
    // ruleid: c-toctou-access
    if (access(file, R_OK) == 0) {
        return fopen(file, "r");
    }
    return NULL;
}

int exists(const char *path)
{
    // ok: c-toctou-access
    return access(path, F_OK) == 0;
}

int safe_open(const char *path)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    // ok: c-toctou-access
    if (fd >= 0 && fstat(fd, &st) == 0 && access_allowed(&st)) return fd;
    // ok: c-toctou-access
    if (access("/etc/app.conf", R_OK) == 0) return open("/etc/app.conf", O_RDONLY);
    /* access(path, W_OK) then open(path) is a race */
    return -1;
}

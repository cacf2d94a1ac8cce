#include <unistd.h>
#include <grp.h>

void drop(uid_t uid, gid_t gid)
{
    // ruleid: c-setuid-unchecked
    setgid(gid);
    // ruleid: c-setuid-unchecked
    setuid(uid);
    // ruleid: c-setuid-unchecked
    (void)setresuid(uid, uid, uid);
    // ok: c-setuid-unchecked
    if (setgid(gid) != 0) abort();
    // ok: c-setuid-unchecked
    if (setuid(uid) == -1) { perror("setuid"); exit(1); }
    // ok: c-setuid-unchecked
    int rc = seteuid(uid);
    /* setuid(uid); in a comment */
}

/* fragment */
    // ruleid: c-setuid-unchecked
    initgroups(pw->pw_name, pw->pw_gid);
    // ruleid: c-setuid-unchecked
    setuid(pw->pw_uid);
    execv(argv[0], argv);

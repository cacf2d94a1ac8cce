// fragment: statements without their function
    // ruleid: c-chroot-no-chdir
    if (::chroot(root.c_str()) < 0) {
        throw std::runtime_error("chroot");
    }

// a function cut off in the middle
void enter_jail(const char *dir) {
    // ruleid: c-chroot-no-chdir
    chroot(dir);
    if (setuid(65534) != 0) {

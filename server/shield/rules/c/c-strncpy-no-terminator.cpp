#include <cstring>

void terminated(const char *name)
{
    char buf[64];
    // ok: c-strncpy-no-terminator
    strncpy(buf, name, sizeof buf);
    buf[sizeof buf - 1] = '\0';
}

void copy(std::string &s, char (&out)[16])
{
    // ruleid: c-strncpy-no-terminator
    std::strncpy(out, s.c_str(), sizeof(out));
}

#include <cstring>

void copy(char *dst, const std::string &s)
{
    // ruleid: c-strcpy-unbounded
    std::strcpy(dst, s.c_str());
    // ok: c-strcpy-unbounded
    std::strcpy(dst, "");
}

#include <cstdio>
void f() {
    char b[10];
    // ruleid: c-gets
    std::gets(b);
    // ok: c-gets
    std::fgets(b, sizeof b, stdin);
}

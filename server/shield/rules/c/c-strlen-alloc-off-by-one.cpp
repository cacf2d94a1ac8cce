void keep(const char *s)
{
    // ruleid: c-strlen-alloc-off-by-one
    char *copy = new char[std::strlen(s)];
    // ok: c-strlen-alloc-off-by-one
    char *ok = new char[std::strlen(s) + 1];
}

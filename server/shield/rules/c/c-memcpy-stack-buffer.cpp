// A body without its function, as a model often writes it (checked as C++ too).
    char key[16];
    // ruleid: c-memcpy-stack-buffer
    memcpy(key, input, input_len);
    for (int i = 0; i < count; i++) {
        // ruleid: c-memcpy-stack-buffer
        std::memcpy(key, items[i].data, items[i].size);
    // ok: c-memcpy-stack-buffer
    std::memcpy(key, input, sizeof key);
    }

// a function cut off in the middle
int parse_header(const uint8_t *p, size_t len) {
    uint8_t hdr[32];
    // ruleid: c-memcpy-stack-buffer
    memcpy(hdr, p, len);
    if (hdr[0] != 0x7f) {

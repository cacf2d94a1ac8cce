// fragment: the end of a function without its beginning
    auto *session_key = static_cast<uint8_t *>(derive(master));
    encrypt(session_key, msg);
    // ruleid: c-memset-secret
    std::memset(session_key, 0, 32);
    free(session_key);
    // ok: c-memset-secret
    std::memset(token_buf, 0, 32);
    free(other);
    return;
}

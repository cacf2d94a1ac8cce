// fragment: statements without their function
    // ruleid: c-static-nonce
    std::uint8_t gcm_nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key, gcm_nonce);

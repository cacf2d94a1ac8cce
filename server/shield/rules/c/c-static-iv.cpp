// fragment: statements without their function
    // ruleid: c-static-iv
    uint8_t aes_iv[16] = {0};
    EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), nullptr, key, aes_iv);

// fragment: statements without their function
    std::vector<unsigned char> out(RSA_size(rsa));
    // ruleid: c-rsa-no-oaep
    int n = RSA_public_encrypt(secret.size(), secret.data(), out.data(), rsa, RSA_PKCS1_PADDING);
    if (n < 0) {
    EVP_PKEY_encrypt_init(pctx);
    // ruleid: c-rsa-no-oaep
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING);

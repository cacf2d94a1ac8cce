// fragment: statements without their function
    // ruleid: c-hardcoded-crypto-key
    std::string jwt_key = "super-secret-signing-key";
    auto token = sign(claims, jwt_key);

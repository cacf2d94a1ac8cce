#include <string>

class DbConfig {
    // ruleid: c-hardcoded-password
    std::string password = "hunter2";
    // ruleid: c-hardcoded-password
    const char *apiSecret = "s3cr3t";
    // ok: c-hardcoded-password
    std::string password_hint = "your pet's name";
    // ok: c-hardcoded-password
    std::string user = "admin";
    // ok: c-hardcoded-password
    std::string password = "";
};

#include <string.h>
#include <stdlib.h>

// ruleid: c-hardcoded-password
#define DB_PASSWORD "Sup3r-s3cret!"
// ok: c-hardcoded-password
#define PASSWORD_MAX_LEN 64

// ruleid: c-hardcoded-password
static const char *admin_password = "admin123";

struct db_config cfg = {
    .host = "db.internal",
    // ruleid: c-hardcoded-password
    .passwd = "hunter2",
};

int login(const char *user, const char *password)
{
    // ruleid: c-hardcoded-password
    if (strcmp(password, "letmein") == 0)
        return 1;
    // ok: c-hardcoded-password
    const char *env_password = getenv("APP_PASSWORD");
    // ok: c-hardcoded-password
    const char *password_prompt = "Password: ";
    // ok: c-hardcoded-password
    char password_buf[64] = "";
    // ok: c-hardcoded-password
    if (strcmp(user, "admin") == 0) return 2;
    /* password = "hunter2" in a comment */
    puts("password = \"hunter2\"");
    return 0;
}

/* fragment */
    MYSQL *conn = mysql_init(NULL);
    // ruleid: c-hardcoded-password
    cfg->db_pass = "p4ssw0rd";
    mysql_real_connect(conn, "localhost", "root", cfg->db_pass, "app", 0, NULL, 0);

/* Code Shield's test snippets (hardcoded-key-usage) */
// ruleid: c-hardcoded-password
const char* secret = "abc";
// ruleid: c-hardcoded-password
const int secret = 15;
// ruleid: c-hardcoded-password
const char* private_key = "abc";
// ok: c-hardcoded-password
const char* regularVariable = "abc";
// ok: c-hardcoded-password
int secret_len = 32;
// ok: c-hardcoded-password
static int secret = 0;
// ok: c-hardcoded-password
const char *secret = getenv("APP_SECRET");

void api_client(void) {
    // ruleid: c-hardcoded-password
    const char *clientSecret = "s3cr3t-value";
    // ruleid: c-hardcoded-password
    char jwt_secret[] = "change-this-signing-secret";
    // ok: c-hardcoded-password
    bool isSecret = 1;
    // ok: c-hardcoded-password
    int secretLength = 32;
}

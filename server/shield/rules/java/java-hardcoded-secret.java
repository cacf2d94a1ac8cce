public class Config {
    // ruleid: java-hardcoded-secret
    private static final String DB_PASSWORD = "pr0d-P@ssw0rd";
    // ruleid: java-hardcoded-secret
    private String apiKey = "sk_live_51HcQ2kLx9";
    // ok: java-hardcoded-secret
    private static final String PASSWORD_PARAM = "password";
    // ok: java-hardcoded-secret
    private static final String PASSWORD = "password";
    // ok: java-hardcoded-secret
    private String secret = System.getenv("APP_SECRET");
    // ok: java-hardcoded-secret
    private static final String API_KEY = "app.api.key";
    // ok: java-hardcoded-secret
    private String password = "";

    void init(Properties props) {
        // ruleid: java-hardcoded-secret
        props.setProperty("password", "tiger123");
        // ruleid: java-hardcoded-secret
        this.clientSecret = "8f14e45fceea167a5a36dedd4bea2543";
        // ok: java-hardcoded-secret
        props.setProperty("user", "scott");
        // ok: java-hardcoded-secret
        String message = "Invalid password";
    }
}

// fragment
    // ruleid: java-hardcoded-secret
    String awsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

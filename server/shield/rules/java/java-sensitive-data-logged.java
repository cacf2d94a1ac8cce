public class LoginService {
    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    public void login(String username, String password, Request req) {
        // ruleid: java-sensitive-data-logged
        log.debug("Login attempt user=" + username + " password=" + password);
        // ruleid: java-sensitive-data-logged
        log.info("Issued token {}", session.getToken());
        // ruleid: java-sensitive-data-logged
        LOGGER.info("key: {}", apiKey);
        // ok: java-sensitive-data-logged
        log.debug("Login attempt user={}", username);
        // ok: java-sensitive-data-logged
        log.warn("Invalid password for user {}", username);
        // ok: java-sensitive-data-logged
        log.info("Token expires at {}", tokenExpiry);
    }
}

// fragment
    // ruleid: java-sensitive-data-logged
    logger.error("Payment failed for card " + order.getCreditCardNumber() + " cvv " + cvv);

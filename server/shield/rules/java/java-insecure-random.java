import java.security.SecureRandom;
import java.util.Random;

public class Tokens {
    private final SecureRandom secure = new SecureRandom();

    public void issue(User user) {
        // ruleid: java-insecure-random
        String token = Long.toHexString(new Random().nextLong());
        // ruleid: java-insecure-random
        user.resetToken = String.valueOf(Math.random()).substring(2);
        Random rnd = new Random();
        // ruleid: java-insecure-random
        int otp = 100000 + rnd.nextInt(900000);
        // ruleid: java-insecure-random
        String apiKey = RandomStringUtils.randomAlphanumeric(32);
        // ok: java-insecure-random
        long delay = 500 + new Random().nextInt(1000);
        // ok: java-insecure-random
        byte[] salt = new byte[16];
        secure.nextBytes(salt);
        // ok: java-insecure-random
        int shuffleIndex = rnd.nextInt(10);
        // ok: java-insecure-random
        String sessionId = Long.toHexString(secure.nextLong());
    }

    public String generatePassword(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // ruleid: java-insecure-random
            sb.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public List<Card> shuffle(List<Card> deck) {
        // ok: java-insecure-random
        Collections.shuffle(deck, new Random());
        return deck;
    }
}

// fragment without a class
    // ruleid: java-insecure-random
    String csrfToken = UUID.randomUUID().toString() + new Random().nextInt();

class CouponService {
    private static final Random RANDOM = new Random();

    String issue() {
        // ruleid: java-insecure-random
        String couponToken = Long.toString(RANDOM.nextLong(), 36);
        return couponToken;
    }
}

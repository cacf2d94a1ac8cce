import javax.crypto.spec.SecretKeySpec;

public class TokenService {
    public String sign(String payload) throws Exception {
        // ruleid: java-hardcoded-crypto-key
        SecretKeySpec k = new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES");
        byte[] raw = {0x10, 0x22, 0x35, 0x47, 0x51, 0x63, 0x7a, 0x1f, 0x10, 0x22, 0x35, 0x47, 0x51, 0x63, 0x7a, 0x1f};
        // ruleid: java-hardcoded-crypto-key
        SecretKeySpec k2 = new SecretKeySpec(raw, "AES");
        // ruleid: java-hardcoded-crypto-key
        Algorithm alg = Algorithm.HMAC256("my-super-secret");
        // ruleid: java-hardcoded-crypto-key
        String jwt = Jwts.builder().setSubject(payload).signWith(SignatureAlgorithm.HS256, "s3cr3t").compact();
        // ok: java-hardcoded-crypto-key
        SecretKeySpec fromStore = new SecretKeySpec(keyStore.getKey("app", pw).getEncoded(), "AES");
        // ok: java-hardcoded-crypto-key
        SecretKeySpec fromEnv = new SecretKeySpec(Base64.getDecoder().decode(System.getenv("APP_KEY")), "HmacSHA256");
        // ok: java-hardcoded-crypto-key
        Algorithm env = Algorithm.HMAC256(System.getenv("JWT_SECRET"));
        return jwt;
    }
}

// fragment
    // ruleid: java-hardcoded-crypto-key
    Key key = Keys.hmacShaKeyFor(Base64.getDecoder().decode("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA=="));

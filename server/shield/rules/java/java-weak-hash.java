import java.security.MessageDigest;

public class Hashes {
    public byte[] digest(byte[] data, String password) throws Exception {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        // ruleid: java-weak-hash
        byte[] h = MessageDigest.getInstance("SHA-1").digest(data);
        // ruleid: java-weak-hash
        String hex = DigestUtils.md5Hex(password);
        // ruleid: java-weak-hash
        HashCode hc = Hashing.sha1().hashBytes(data);
        // ok: java-weak-hash
        MessageDigest good = MessageDigest.getInstance("SHA-256");
        // ok: java-weak-hash
        String sha = DigestUtils.sha256Hex(password);
        // ok: java-weak-hash
        Mac mac = Mac.getInstance("HmacSHA256");
        // ok: java-weak-hash
        String label = "MessageDigest.getInstance(\"MD5\")";
        return md.digest(data);
    }
}

// fragment
    // ruleid: java-weak-hash
    byte[] legacy = MessageDigest.getInstance("md5").digest(token.getBytes(StandardCharsets.UTF_8));

class IcdWeakHashCases {
    void digests(byte[] foo) throws Exception {
        // ruleid: java-weak-hash
        byte[] a = DigestUtils.getMd4Digest().digest(foo);
        // ruleid: java-weak-hash
        byte[] b = DigestUtils.md4Hex(foo);
        // ruleid: java-weak-hash
        MessageDigest c = MessageDigest.getInstance("SHA1", "SUN");
        // ruleid: java-weak-hash
        MessageDigest d = MessageDigest.getInstance("MD2", "SUN");
        // ok: java-weak-hash
        MessageDigest e = MessageDigest.getInstance("SHA-512", "SUN");
        // ok: java-weak-hash
        byte[] f = DigestUtils.sha3_256(foo);
    }
}

public class Hasher {
    private static final byte[] SALT = "NaCl-2024".getBytes();

    public byte[] derive(char[] password) throws Exception {
        // ruleid: java-static-salt
        PBEKeySpec a = new PBEKeySpec(password, "static-salt".getBytes(), 600000, 256);
        // ruleid: java-static-salt
        PBEKeySpec b = new PBEKeySpec(password, SALT, 600000, 256);
        // ruleid: java-static-salt
        String h = BCrypt.hashpw(pw, "$2a$10$abcdefghijklmnopqrstuu");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        // ok: java-static-salt
        PBEKeySpec good = new PBEKeySpec(password, salt, 600000, 256);
        // ok: java-static-salt
        String h2 = BCrypt.hashpw(pw, BCrypt.gensalt(12));
        // ok: java-static-salt
        PBEKeySpec noSalt = new PBEKeySpec(password);
        return null;
    }
}

// fragment
    // ruleid: java-static-salt
    SecretKey k = f.generateSecret(new PBEKeySpec(pass.toCharArray(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 65536, 128));

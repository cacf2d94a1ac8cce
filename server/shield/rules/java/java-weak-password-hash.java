public class Passwords {
    public byte[] hash(char[] password, byte[] salt) throws Exception {
        // ruleid: java-weak-password-hash
        PBEKeySpec spec = new PBEKeySpec(password, salt, 1000, 256);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // ruleid: java-weak-password-hash
        byte[] fast = md.digest(rawPassword.getBytes(StandardCharsets.UTF_8));
        // ruleid: java-weak-password-hash
        String hex = DigestUtils.sha256Hex(password);
        // ok: java-weak-password-hash
        PBEKeySpec strong = new PBEKeySpec(password, salt, 600000, 256);
        // ok: java-weak-password-hash
        byte[] fileHash = md.digest(fileBytes);
        // ok: java-weak-password-hash
        String encoded = passwordEncoder.encode(rawPassword);
        return fast;
    }
}

// fragment
    // ruleid: java-weak-password-hash
    Cipher c = Cipher.getInstance("PBEWithHmacSHA256AndAES_128"); c.init(Cipher.ENCRYPT_MODE, k, new PBEParameterSpec(salt, 20));

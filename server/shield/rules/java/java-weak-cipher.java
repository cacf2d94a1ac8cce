import javax.crypto.Cipher;

public class LegacyCrypto {
    public byte[] encrypt(byte[] data, SecretKey key) throws Exception {
        // ruleid: java-weak-cipher
        Cipher des = Cipher.getInstance("DES/CBC/PKCS5Padding");
        // ruleid: java-weak-cipher
        Cipher tdes = Cipher.getInstance("DESede");
        // ruleid: java-weak-cipher
        KeyGenerator kg = KeyGenerator.getInstance("Blowfish");
        // ruleid: java-weak-cipher
        SecretKeyFactory pbe = SecretKeyFactory.getInstance("PBEWithMD5AndDES");
        // ruleid: java-weak-cipher
        Cipher none = new NullCipher();
        // ok: java-weak-cipher
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-weak-cipher
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        // ok: java-weak-cipher
        String note = "Cipher.getInstance(\"DES\") is obsolete";
        return gcm.doFinal(data);
    }
}

// fragment
    // ruleid: java-weak-cipher
    Cipher rc4 = Cipher.getInstance("RC4");
    // ruleid: java-weak-cipher
    SecretKey k = SecretKeyFactory.getInstance("DES").generateSecret(new DESKeySpec(raw));

class IcdWeakCipherCases {
    void keys() throws Exception {
        // ruleid: java-weak-cipher
        SecretKeyFactory.getInstance("DESedeWrap");
        // ruleid: java-weak-cipher
        SecretKeyFactory.getInstance("3DES");
        // ruleid: java-weak-cipher
        final Cipher rc = Cipher.getInstance("ARCFOUR");
        // ruleid: java-weak-cipher
        Cipher nullCipher = new javax.crypto.NullCipher();
        // ok: java-weak-cipher
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        // ok: java-weak-cipher
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    }
}

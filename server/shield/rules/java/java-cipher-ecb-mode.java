import javax.crypto.Cipher;

public class TokenCrypto {
    public byte[] seal(byte[] data, SecretKey key) throws Exception {
        // ruleid: java-cipher-ecb-mode
        Cipher c = Cipher.getInstance("AES");
        // ruleid: java-cipher-ecb-mode
        Cipher e = Cipher.getInstance("AES/ECB/PKCS5Padding");
        // ok: java-cipher-ecb-mode
        Cipher g = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-cipher-ecb-mode
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ok: java-cipher-ecb-mode
        SecretKeySpec spec = new SecretKeySpec(raw, "AES");
        // ok: java-cipher-ecb-mode
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }
}

// fragment
    // ruleid: java-cipher-ecb-mode
    Cipher cipher = Cipher.getInstance("aes/ecb/NoPadding");

class IcdEcbCases {
    void keystore(KeyGenParameterSpec.Builder builder) {
        // ruleid: java-cipher-ecb-mode
        builder.setBlockModes(KeyProperties.BLOCK_MODE_ECB);
        // ok: java-cipher-ecb-mode
        builder.setBlockModes(KeyProperties.BLOCK_MODE_GCM);
        // ok: java-cipher-ecb-mode
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    }
}

import javax.crypto.Cipher;

public class KeyWrap {
    public byte[] wrap(byte[] secret, PublicKey pub) throws Exception {
        // ruleid: java-rsa-no-oaep
        Cipher c = Cipher.getInstance("RSA");
        // ruleid: java-rsa-no-oaep
        Cipher p = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        // ruleid: java-rsa-no-oaep
        Cipher n = Cipher.getInstance("RSA/None/NoPadding");
        // ok: java-rsa-no-oaep
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: java-rsa-no-oaep
        Signature sig = Signature.getInstance("SHA256withRSA");
        // ok: java-rsa-no-oaep
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        oaep.init(Cipher.ENCRYPT_MODE, pub);
        return oaep.doFinal(secret);
    }
}

// fragment
    // ruleid: java-rsa-no-oaep
    Cipher legacy = Cipher.getInstance("RSA/ECB/PKCS1Padding");

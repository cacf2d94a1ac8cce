import javax.crypto.spec.GCMParameterSpec;

public class Sealer {
    private static final byte[] NONCE = new byte[12];

    public byte[] seal(byte[] data, SecretKey key, SecureRandom random) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        // ruleid: java-fixed-gcm-nonce
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        // ruleid: java-fixed-gcm-nonce
        GCMParameterSpec s = new GCMParameterSpec(128, NONCE);
        byte[] n2 = "fixed-nonce!".getBytes();
        // ruleid: java-fixed-gcm-nonce
        GCMParameterSpec s2 = new GCMParameterSpec(128, n2);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        // ok: java-fixed-gcm-nonce
        GCMParameterSpec good = new GCMParameterSpec(128, nonce);
        // ok: java-fixed-gcm-nonce
        GCMParameterSpec parsed = new GCMParameterSpec(128, data, 0, 12);
        return c.doFinal(data);
    }
}

// fragment
    // ruleid: java-fixed-gcm-nonce
    cipher.init(Cipher.ENCRYPT_MODE, key, new ChaCha20ParameterSpec(new byte[12], 1));

class GcmFresh {
    GCMParameterSpec fresh(SecureRandom rng) {
        byte[] iv = new byte[12];
        rng.nextBytes(iv);
        // ok: java-fixed-gcm-nonce
        return new GCMParameterSpec(128, iv);
    }
}

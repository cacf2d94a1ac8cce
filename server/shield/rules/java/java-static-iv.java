import javax.crypto.spec.IvParameterSpec;

public class Vault {
    private static final byte[] FIXED_IV = "0123456789abcdef".getBytes();
    private final SecureRandom random = new SecureRandom();

    public byte[] encrypt(byte[] data, SecretKey key) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: java-static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        // ruleid: java-static-iv
        IvParameterSpec s1 = new IvParameterSpec("1234567812345678".getBytes(StandardCharsets.UTF_8));
        // ruleid: java-static-iv
        IvParameterSpec s2 = new IvParameterSpec(FIXED_IV);
        byte[] iv = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        // ruleid: java-static-iv
        IvParameterSpec s3 = new IvParameterSpec(iv);
        byte[] fresh = new byte[16];
        random.nextBytes(fresh);
        // ok: java-static-iv
        IvParameterSpec good = new IvParameterSpec(fresh);
        // ok: java-static-iv
        IvParameterSpec fromMessage = new IvParameterSpec(Arrays.copyOfRange(data, 0, 16));
        // ok: java-static-iv
        IvParameterSpec fromHeader = new IvParameterSpec(header.getIv());
        return c.doFinal(data);
    }
}

// fragment
    // ruleid: java-static-iv
    cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(Hex.decodeHex("00000000000000000000000000000000")));

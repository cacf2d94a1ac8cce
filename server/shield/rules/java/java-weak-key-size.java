import java.security.KeyPairGenerator;

public class Keys {
    public KeyPair make() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-key-size
        kpg.initialize(1024);
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        // ruleid: java-weak-key-size
        dsa.initialize(512, new SecureRandom());
        // ruleid: java-weak-key-size
        kpg.initialize(new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));
        // ok: java-weak-key-size
        kpg.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        // ok: java-weak-key-size
        ec.initialize(256);
        // ok: java-weak-key-size
        kpg.initialize(keySize);
        return kpg.generateKeyPair();
    }
}

// fragment
    // ruleid: java-weak-key-size
    generator.initialize(768);

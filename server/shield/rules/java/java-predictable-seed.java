public class KeyMaker {
    public byte[] key() throws Exception {
        // ruleid: java-predictable-seed
        SecureRandom a = new SecureRandom("fixed-seed".getBytes());
        SecureRandom sr = SecureRandom.getInstance("SHA1PRNG");
        // ruleid: java-predictable-seed
        sr.setSeed(42L);
        // ruleid: java-predictable-seed
        sr.setSeed(System.currentTimeMillis());
        // ok: java-predictable-seed
        SecureRandom good = new SecureRandom();
        Random sim = new Random();
        // ok: java-predictable-seed
        sim.setSeed(42L);
        // ok: java-predictable-seed
        sr.setSeed(good.generateSeed(32));
        byte[] k = new byte[32];
        sr.nextBytes(k);
        return k;
    }
}

// fragment
    SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
    // ruleid: java-predictable-seed
    rng.setSeed(new byte[] {1, 2, 3, 4});

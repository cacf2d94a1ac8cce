class Ids {
    void make() {
        // ruleid: java-weak-random-generator
        int n = new java.util.Random().nextInt();
        Random r = new Random();
        // ruleid: java-weak-random-generator
        long l = r.nextLong();
        // ruleid: java-weak-random-generator
        String pw = RandomStringUtils.randomAlphanumeric(8);
        // ruleid: java-weak-random-generator
        int k = org.apache.commons.lang.math.RandomUtils.nextInt();
        SecureRandom sr = new SecureRandom();
        // ok: java-weak-random-generator
        long s = sr.nextLong();
        // ok: java-weak-random-generator
        Random seeded = new Random(42);
        // ok: java-weak-random-generator
        String next = iterator.next();
    }
}

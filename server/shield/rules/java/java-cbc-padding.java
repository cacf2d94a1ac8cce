class Crypto {
    Cipher make() throws Exception {
        // ruleid: java-cbc-padding
        final Cipher a = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: java-cbc-padding
        final Cipher b = Cipher.getInstance("AES/CBC/PKCS7Padding", "BC");
        // ok: java-cbc-padding
        final Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-cbc-padding
        final Cipher d = Cipher.getInstance("AES/CTR/NoPadding");
        // ok: java-cbc-padding
        String doc = "Cipher.getInstance(\"AES/CBC/PKCS5Padding\")";
        return c;
    }
}

class Legacy {
    void check(char c) {
        // ruleid: java-deprecated-api
        boolean a = Character.isJavaLetter(c);
        // ruleid: java-deprecated-api
        boolean b = Character.isSpace(c);
        // ruleid: java-deprecated-api
        Thread.stop();
        // ok: java-deprecated-api
        boolean d = Character.isJavaIdentifierStart(c);
        // ok: java-deprecated-api
        boolean e = Character.isWhitespace(c);
        // ok: java-deprecated-api
        worker.interrupt();
    }
}

public class Tls {
    public SSLContext ctx(SSLEngine engine) throws Exception {
        // ruleid: java-weak-tls
        SSLContext old = SSLContext.getInstance("TLSv1");
        // ruleid: java-weak-tls
        engine.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        // ruleid: java-weak-tls
        ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_0).build();
        // ok: java-weak-tls
        SSLContext good = SSLContext.getInstance("TLSv1.3");
        // ok: java-weak-tls
        engine.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        // ok: java-weak-tls
        SSLContext def = SSLContext.getInstance("TLS");
        return good;
    }
}

// fragment
    // ruleid: java-weak-tls
    SSLContext sc = SSLContext.getInstance("SSL");

import javax.net.ssl.*;

public class Insecure {
    public SSLContext context() throws Exception {
        TrustManager[] trustAll = new TrustManager[] {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                // ruleid: java-trust-all-certificates
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // trust everyone
                }
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, new SecureRandom());
        SSLContext apache = SSLContexts.custom()
            // ruleid: java-trust-all-certificates
            .loadTrustMaterial(null, (chain, authType) -> true)
            .build();
        // ruleid: java-trust-all-certificates
        SSLContext a2 = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        // ok: java-trust-all-certificates
        SSLContext pinned = SSLContexts.custom().loadTrustMaterial(trustStore, null).build();
        return ctx;
    }

    static class Pinning implements X509TrustManager {
        // ok: java-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
            pin(chain[0]);
        }
    }
}

// fragment: the method alone, as a model writes it
// ruleid: java-trust-all-certificates
@Override public void checkServerTrusted(X509Certificate[] certs, String authType) { }
// ok: java-trust-all-certificates
public void checkServerTrusted(X509Certificate[] certs, String authType) { if (certs == null) throw new IllegalArgumentException(); }

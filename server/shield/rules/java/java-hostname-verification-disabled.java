import javax.net.ssl.*;

public class Client {
    public void open(HttpsURLConnection conn, OkHttpClient.Builder ok) {
        // ruleid: java-hostname-verification-disabled
        conn.setHostnameVerifier((hostname, session) -> true);
        // ruleid: java-hostname-verification-disabled
        ok.hostnameVerifier((h, s) -> { return true; });
        HttpsURLConnection.setDefaultHostnameVerifier(new HostnameVerifier() {
            @Override
            // ruleid: java-hostname-verification-disabled
            public boolean verify(String hostname, SSLSession session) {
                return true;
            }
        });
        // ruleid: java-hostname-verification-disabled
        CloseableHttpClient c = HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
        // ok: java-hostname-verification-disabled
        conn.setHostnameVerifier((hostname, session) -> hostname.equals("api.example.com"));
        // ok: java-hostname-verification-disabled
        conn.setHostnameVerifier(new DefaultHostnameVerifier());
        // ok: java-hostname-verification-disabled
        boolean valid = signer.verify(signature);
    }

    // ok: java-hostname-verification-disabled
    public boolean verify(String hostname, SSLSession session) {
        return HttpsURLConnection.getDefaultHostnameVerifier().verify("api.example.com", session);
    }
}

// fragment
// ruleid: java-hostname-verification-disabled
public boolean verify(String host, SSLSession sess) { return true; }

class IcdHostnameCases {
    void verifiers(SSLSocketFactory ssf) {
        // ruleid: java-hostname-verification-disabled
        HostnameVerifier allowAll = new NullHostnameVerifier();
        // ruleid: java-hostname-verification-disabled
        HostnameVerifier v = ALLOW_ALL_HOSTNAME_VERIFIER;
        // ok: java-hostname-verification-disabled
        HostnameVerifier strict = new DefaultHostnameVerifier();
        // ok: java-hostname-verification-disabled
        HostnameVerifier system = HttpsURLConnection.getDefaultHostnameVerifier();
    }
}

// ICD flags the import too; importing is not using, so Shield flags the use.
// ok: java-hostname-verification-disabled
import org.apache.http.conn.ssl.NoopHostnameVerifier;

public class Client {
    public void call(String user) throws Exception {
        // ruleid: java-cleartext-http
        HttpURLConnection c = (HttpURLConnection) new URL("http://api.example.com/login").openConnection();
        // ruleid: java-cleartext-http
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://payments.internal/charge?user=" + user)).build();
        // ruleid: java-cleartext-http
        Request ok = new Request.Builder().url("http://api.example.com/v1/token").build();
        // ok: java-cleartext-http
        URL secure = new URL("https://api.example.com/login");
        // ok: java-cleartext-http
        URL local = new URL("http://localhost:8080/health");
        // ok: java-cleartext-http
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java-cleartext-http
        String ns = "http://www.w3.org/2001/XMLSchema";
    }
}

// fragment
    // ruleid: java-cleartext-http
    String body = restTemplate.getForObject("http://inventory.example.org/items", String.class);

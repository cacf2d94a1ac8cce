public class WebhookVerifier {
    public boolean verify(HttpServletRequest request, byte[] body) throws Exception {
        String expectedSignature = hmacHex(secretKey, body);
        // ruleid: java-timing-compare
        if (expectedSignature.equals(request.getHeader("X-Signature"))) {
            return true;
        }
        byte[] mac = computeMac(body);
        // ruleid: java-timing-compare
        if (Arrays.equals(mac, providedMac)) {
            return true;
        }
        // ruleid: java-timing-compare
        return request.getHeader("X-Api-Key").equals(config.apiKey);
    }

    public boolean check(String token, Session s) {
        // ok: java-timing-compare
        if (MessageDigest.isEqual(token.getBytes(UTF_8), s.token.getBytes(UTF_8))) return true;
        // ok: java-timing-compare
        if (token.equals("")) return false;
        // ok: java-timing-compare
        if (token.equals(null)) return false;
        // ok: java-timing-compare
        return name.equals(s.name);
    }
}

// fragment
    // ruleid: java-timing-compare
    boolean ok = csrfToken.equals(req.getParameter("_csrf"));

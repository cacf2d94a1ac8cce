import io.jsonwebtoken.*;

public class AuthFilter {
    public String subject(String token) {
        // ruleid: java-jwt-signature-not-verified
        Claims c = Jwts.parser().setSigningKey(key).parseClaimsJwt(token).getBody();
        Jwt<?, ?> any = Jwts.parser()
            .setSigningKey(key)
            // ruleid: java-jwt-signature-not-verified
            .parse(token);
        // ok: java-jwt-signature-not-verified
        Claims ok = Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
        // ok: java-jwt-signature-not-verified
        Claims legacy = Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();
        // ok: java-jwt-signature-not-verified
        LocalDate d = LocalDate.parse(text);
        return c.getSubject();
    }
}

// fragment using auth0 java-jwt
    // ruleid: java-jwt-signature-not-verified
    DecodedJWT jwt = JWT.decode(request.getHeader("Authorization").substring(7));
    String user = jwt.getSubject();

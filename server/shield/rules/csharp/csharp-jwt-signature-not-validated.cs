// fragment: top-level Program.cs statements
services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o =>
    {
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            // ruleid: csharp-jwt-signature-not-validated
            RequireSignedTokens = false,
            // ruleid: csharp-jwt-signature-not-validated
            ValidateIssuerSigningKey = false,
            // ruleid: csharp-jwt-signature-not-validated
            SignatureValidator = (token, parameters) => new JwtSecurityToken(token),
            // ok: csharp-jwt-signature-not-validated
            ValidateAudience = true,
            // ok: csharp-jwt-signature-not-validated
            IssuerSigningKey = new SymmetricSecurityKey(keyBytes),
        };
    });

public class AuthMiddleware
{
    public string UserId(HttpContext ctx)
    {
        var raw = ctx.Request.Headers.Authorization.ToString()["Bearer ".Length..];
        // ruleid: csharp-jwt-signature-not-validated
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(raw);
        return jwt.Subject;
    }
}

class Strict
{
    // ok: csharp-jwt-signature-not-validated
    TokenValidationParameters P() => new TokenValidationParameters { RequireSignedTokens = true, ValidateIssuerSigningKey = true };
}

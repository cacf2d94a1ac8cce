services.AddAuthentication().AddJwtBearer(o =>
{
    o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidateIssuerSigningKey = true,
        // ruleid: csharp-jwt-lifetime-not-validated
        ValidateLifetime = false,
        // ruleid: csharp-jwt-lifetime-not-validated
        RequireExpirationTime = false,
        // ok: csharp-jwt-lifetime-not-validated
        ValidateAudience = false,
        // ok: csharp-jwt-lifetime-not-validated
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});

// fragment
    var p = new TokenValidationParameters();
    // ruleid: csharp-jwt-lifetime-not-validated
    p.ValidateLifetime = false;
    // ok: csharp-jwt-lifetime-not-validated
    p.ValidateLifetime = true;

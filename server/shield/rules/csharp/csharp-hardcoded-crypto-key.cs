using System.Security.Cryptography;

public class TokenService
{
    public string Issue(string subject)
    {
        // ruleid: csharp-hardcoded-crypto-key
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("super-secret-signing-key-1234567890"));
        using var aes = Aes.Create();
        // ruleid: csharp-hardcoded-crypto-key
        aes.Key = Convert.FromBase64String("q2JbJ0V2Y3Y4ZkJ4cXc3cXZhR0l5bGZ0a2JqVw==");
        // ruleid: csharp-hardcoded-crypto-key
        using var hmac = new HMACSHA256(new byte[] { 0x01, 0x02, 0x03, 0x04 });
        // ok: csharp-hardcoded-crypto-key
        var fromConfig = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Jwt:Key"]));
        // ok: csharp-hardcoded-crypto-key
        aes.Key = RandomNumberGenerator.GetBytes(32);
        // ok: csharp-hardcoded-crypto-key
        var label = Encoding.UTF8.GetBytes("hello");
        return Sign(subject, key);
    }
}

// fragment
    // ruleid: csharp-hardcoded-crypto-key
    var enc = aes.CreateEncryptor(Encoding.ASCII.GetBytes("0123456789abcdef"), iv);

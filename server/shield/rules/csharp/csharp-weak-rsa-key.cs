using System.Security.Cryptography;

public class Keys
{
    public RSA Make()
    {
        // ruleid: csharp-weak-rsa-key
        var csp = new RSACryptoServiceProvider(1024);
        // ruleid: csharp-weak-rsa-key
        using var rsa = RSA.Create(512);
        // ruleid: csharp-weak-rsa-key
        rsa.KeySize = 1024;
        // ok: csharp-weak-rsa-key
        using var good = RSA.Create(3072);
        // ok: csharp-weak-rsa-key
        using var aes = Aes.Create();
        // ok: csharp-weak-rsa-key
        aes.KeySize = 256;
        return good;
    }
}

// fragment
    // ruleid: csharp-weak-rsa-key
    var dsa = new DSACryptoServiceProvider(1024);

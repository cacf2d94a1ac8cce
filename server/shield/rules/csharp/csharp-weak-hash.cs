using System.Security.Cryptography;

public class Checksums
{
    public byte[] Digest(byte[] data)
    {
        // ruleid: csharp-weak-hash
        using var md5 = MD5.Create();
        // ruleid: csharp-weak-hash
        var sha1 = new SHA1CryptoServiceProvider();
        // ruleid: csharp-weak-hash
        byte[] h = SHA1.HashData(data);
        // ok: csharp-weak-hash
        using var sha256 = SHA256.Create();
        // ok: csharp-weak-hash
        byte[] good = SHA256.HashData(data);
        // ok: csharp-weak-hash
        var hmac = new HMACSHA256(key);
        // ok: csharp-weak-hash
        var label = "MD5.Create() is weak";
        return md5.ComputeHash(data);
    }
}

// fragment
    // ruleid: csharp-weak-hash
    var legacy = HashAlgorithm.Create("MD5").ComputeHash(Encoding.UTF8.GetBytes(password));

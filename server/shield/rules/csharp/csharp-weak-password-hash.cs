using System.Security.Cryptography;

public class PasswordStore
{
    public byte[] Hash(string password, byte[] salt)
    {
        // ruleid: csharp-weak-password-hash
        using var kdf = new Rfc2898DeriveBytes(password, salt);
        // ruleid: csharp-weak-password-hash
        using var kdf2 = new Rfc2898DeriveBytes(password, salt, 1000);
        // ruleid: csharp-weak-password-hash
        byte[] h = KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, iterationCount: 5000, numBytesRequested: 32);
        // ok: csharp-weak-password-hash
        byte[] good = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
        // ok: csharp-weak-password-hash
        using var kdf3 = new Rfc2898DeriveBytes(password, salt, 600000, HashAlgorithmName.SHA256);
        return kdf.GetBytes(32);
    }
}

// fragment
    // ruleid: csharp-weak-password-hash
    var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pw), salt, 1024, HashAlgorithmName.SHA256, 32);

class Strong
{
    // ok: csharp-weak-password-hash
    byte[] F(byte[] pw, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(pw, salt, 210000, HashAlgorithmName.SHA512, 64);
}

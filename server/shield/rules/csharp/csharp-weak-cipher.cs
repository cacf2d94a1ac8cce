using System.Security.Cryptography;

public class LegacyCrypto
{
    public byte[] Encrypt(byte[] data, byte[] key, byte[] iv)
    {
        // ruleid: csharp-weak-cipher
        using var des = DES.Create();
        // ruleid: csharp-weak-cipher
        var tdes = new TripleDESCryptoServiceProvider();
        // ruleid: csharp-weak-cipher
        using var rc2 = RC2.Create();
        // ok: csharp-weak-cipher
        using var aes = Aes.Create();
        // ok: csharp-weak-cipher
        using var gcm = new AesGcm(key, 16);
        // ok: csharp-weak-cipher
        var description = "DES.Create() is obsolete";
        return aes.EncryptCbc(data, iv);
    }
}

// fragment
    // ruleid: csharp-weak-cipher
    var alg = SymmetricAlgorithm.Create("TripleDES");

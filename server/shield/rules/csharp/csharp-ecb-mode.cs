using System.Security.Cryptography;

public class TokenCipher
{
    public byte[] Seal(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        // ruleid: csharp-ecb-mode
        aes.Mode = CipherMode.ECB;
        // ruleid: csharp-ecb-mode
        byte[] ct = aes.EncryptEcb(data, PaddingMode.PKCS7);
        // ok: csharp-ecb-mode
        aes.Mode = CipherMode.CBC;
        // ok: csharp-ecb-mode
        byte[] cbc = aes.EncryptCbc(data, RandomNumberGenerator.GetBytes(16));
        // ok: csharp-ecb-mode
        var note = "CipherMode.ECB leaks patterns";
        return ct;
    }
}

// fragment
    // ruleid: csharp-ecb-mode
    var enc = new RijndaelManaged { Mode = CipherMode.ECB, Padding = PaddingMode.PKCS7 }.CreateEncryptor(key, null);

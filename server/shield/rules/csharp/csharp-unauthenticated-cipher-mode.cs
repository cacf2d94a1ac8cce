using System.Security.Cryptography;

class Crypto
{
    byte[] Encrypt(byte[] key, byte[] data)
    {
        using var aes = Aes.Create();
        // ruleid: csharp-unauthenticated-cipher-mode
        aes.Mode = CipherMode.CBC;
        // ruleid: csharp-unauthenticated-cipher-mode
        var mode = System.Security.Cryptography.CipherMode.CFB;
        // ruleid: csharp-unauthenticated-cipher-mode
        aes.Mode = CipherMode.OFB;
        // ok: csharp-unauthenticated-cipher-mode
        using var gcm = new AesGcm(key, 16);
        // ok: csharp-unauthenticated-cipher-mode
        var m = PaddingMode.PKCS7;
        // ok: csharp-unauthenticated-cipher-mode
        var s = "CipherMode.CBC";
        // CipherMode.CBC in a comment
        return data;
    }
}

using System.Security.Cryptography;

public class KeyWrap
{
    public byte[] Wrap(byte[] secret, RSA rsa, RSACryptoServiceProvider csp)
    {
        // ruleid: csharp-rsa-pkcs1-padding
        byte[] a = rsa.Encrypt(secret, RSAEncryptionPadding.Pkcs1);
        // ruleid: csharp-rsa-pkcs1-padding
        byte[] b = csp.Encrypt(secret, false);
        // ok: csharp-rsa-pkcs1-padding
        byte[] c = rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA256);
        // ok: csharp-rsa-pkcs1-padding
        byte[] d = csp.Encrypt(secret, true);
        // ok: csharp-rsa-pkcs1-padding
        byte[] sig = rsa.SignData(secret, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return a;
    }
}

// fragment
    // ruleid: csharp-rsa-pkcs1-padding
    var plain = new RSACryptoServiceProvider().Decrypt(cipherText, false);

using System.Security.Cryptography;

public class Vault
{
    public byte[] Encrypt(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        // ruleid: csharp-static-iv
        aes.IV = new byte[16];
        // ruleid: csharp-static-iv
        aes.IV = Encoding.UTF8.GetBytes("1234567890123456");
        // ruleid: csharp-static-iv
        byte[] ct = aes.EncryptCbc(data, new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 });
        // ok: csharp-static-iv
        aes.GenerateIV();
        // ok: csharp-static-iv
        byte[] good = aes.EncryptCbc(data, RandomNumberGenerator.GetBytes(16));
        // ok: csharp-static-iv
        aes.IV = header.Iv;
        return ct;
    }
}

// fragment
    // ruleid: csharp-static-iv
    var decryptor = rijndael.CreateDecryptor(key, Encoding.ASCII.GetBytes("fixedinitvector!"));

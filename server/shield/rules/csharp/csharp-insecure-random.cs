using System;
using System.Security.Cryptography;

public class AccountService
{
    public void Reset(User user)
    {
        // ruleid: csharp-insecure-random
        user.ResetToken = new Random().Next(100000, 999999).ToString();
        var rnd = new Random();
        // ruleid: csharp-insecure-random
        int otp = rnd.Next(100000, 999999);
        // ruleid: csharp-insecure-random
        var sessionId = Random.Shared.NextInt64().ToString("x");
        // ok: csharp-insecure-random
        int delayMs = rnd.Next(100, 500);
        // ok: csharp-insecure-random
        var token = RandomNumberGenerator.GetHexString(32);
        // ok: csharp-insecure-random
        int code = RandomNumberGenerator.GetInt32(100000, 1000000);
    }

    public string GeneratePassword(int length)
    {
        var chars = new char[length];
        // ruleid: csharp-insecure-random
        var r = new Random();
        for (int i = 0; i < length; i++)
            // ruleid: csharp-insecure-random
            chars[i] = Alphabet[r.Next(Alphabet.Length)];
        return new string(chars);
    }

    public List<Card> Shuffle(List<Card> deck)
    {
        // ok: csharp-insecure-random
        return deck.OrderBy(_ => Random.Shared.Next()).ToList();
    }
}

// fragment
    // ruleid: csharp-insecure-random
    string apiKey = Convert.ToBase64String(BitConverter.GetBytes(new Random().NextInt64()));

public class InviteService
{
    private static readonly Random _random = new Random();

    public string Create()
    {
        // ruleid: csharp-insecure-random
        var inviteToken = _random.NextInt64().ToString("x");
        return inviteToken;
    }
}

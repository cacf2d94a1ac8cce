using System;
using System.Security.Cryptography;

public class Dice
{
    private static readonly Random _random = new Random();

    public int Roll()
    {
        // ruleid: csharp-random-call
        return _random.Next(1, 7);
    }

    public string Code()
    {
        // ruleid: csharp-random-call
        return new Random().Next(100000, 999999).ToString();
    }

    public double Jitter()
    {
        // ruleid: csharp-random-call
        return Random.Shared.NextDouble();
    }

    public string Token()
    {
        // ok: csharp-random-call
        return RandomNumberGenerator.GetHexString(32);
    }

    public int Secure()
    {
        // ok: csharp-random-call
        return RandomNumberGenerator.GetInt32(1, 7);
    }

    public int Other(Parser parser)
    {
        // ok: csharp-random-call
        return parser.Next();
    }
}

/* Code Shield's crypto-weak-pseudo-random-number-generator: a method of a Random */
class Icd
{
    int F()
    {
        Random rng = new Random();
        // ruleid: csharp-random-call
        rng.NextBytes(buffer);
        // ok: csharp-random-call
        var items = list.Next();
        return 0;
    }
}

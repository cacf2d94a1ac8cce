public class WebhookController : Controller
{
    public IActionResult Receive([FromBody] string body)
    {
        string expectedSignature = ComputeHmac(body);
        // ruleid: csharp-timing-compare
        if (Request.Headers["X-Signature"] == expectedSignature)
            return Ok();
        byte[] mac = HMACSHA256.HashData(key, bytes);
        // ruleid: csharp-timing-compare
        if (mac.SequenceEqual(providedMac))
            return Ok();
        // ruleid: csharp-timing-compare
        if (!string.Equals(apiKey, Request.Headers["X-Api-Key"]))
            return Unauthorized();
        // ok: csharp-timing-compare
        if (CryptographicOperations.FixedTimeEquals(mac, providedMac))
            return Ok();
        // ok: csharp-timing-compare
        if (token == null || token.Length == 0)
            return BadRequest();
        // ok: csharp-timing-compare
        if (user.Name == other.Name)
            return Ok();
        return NoContent();
    }
}

// fragment
    // ruleid: csharp-timing-compare
    bool valid = session.CsrfToken.Equals(Request.Form["__RequestVerificationToken"]);

using System.Net;
using System.Net.Http;

public class ApiClient
{
    public HttpClient Create(bool devMode)
    {
        // ruleid: csharp-certificate-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback = (sender, cert, chain, errors) => true;
        var handler = new HttpClientHandler();
        // ruleid: csharp-certificate-validation-disabled
        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        var h2 = new HttpClientHandler
        {
            // ruleid: csharp-certificate-validation-disabled
            ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => { return true; }
        };
        // ok: csharp-certificate-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => errors == SslPolicyErrors.None;
        // ok: csharp-certificate-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => cert?.Thumbprint == PinnedThumbprint;
        // ok: csharp-certificate-validation-disabled
        var isValid = users.Any(u => true);
        return new HttpClient(handler);
    }
}

// fragment
    // ruleid: csharp-certificate-validation-disabled
    ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
    // ruleid: csharp-certificate-validation-disabled
    var ssl = new SslStream(tcp.GetStream(), false, (s, c, ch, e) => true);

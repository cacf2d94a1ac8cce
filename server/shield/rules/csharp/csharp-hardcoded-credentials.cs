public class Settings
{
    // ruleid: csharp-hardcoded-credentials
    private const string ConnectionString = "Server=db01;Database=Shop;User Id=sa;Password=Pr0d#2024;";
    // ruleid: csharp-hardcoded-credentials
    private static readonly string ApiKey = "sk_live_51HcQ2kLx9";
    // ruleid: csharp-hardcoded-credentials
    public string ClientSecret { get; set; } = "8f14e45fceea167a5a36dedd4bea2543";
    // ok: csharp-hardcoded-credentials
    private const string Local = "Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True;";
    // ok: csharp-hardcoded-credentials
    private readonly string password = Environment.GetEnvironmentVariable("DB_PASSWORD");
    // ok: csharp-hardcoded-credentials
    private const string PasswordField = "password";
    // ok: csharp-hardcoded-credentials
    private const string Templated = "Server=db01;User Id=app;Password={0};";

    public void Init(SmtpClient smtp)
    {
        // ruleid: csharp-hardcoded-credentials
        smtp.Credentials = new NetworkCredential("mailer", "m@il3r-pw");
        // ok: csharp-hardcoded-credentials
        smtp.Credentials = new NetworkCredential(config["Smtp:User"], config["Smtp:Password"]);
    }
}

// fragment
    // ruleid: csharp-hardcoded-credentials
    var conn = new SqlConnection(@"Data Source=.\SQLEXPRESS;Initial Catalog=App;User ID=admin;Password=admin123");

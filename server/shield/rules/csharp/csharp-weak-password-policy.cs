using Microsoft.AspNet.Identity;

public class Startup
{
    public void Configure(UserManager<User> manager, IdentityOptions options)
    {
        // ruleid: csharp-weak-password-policy
        manager.PasswordValidator = new PasswordValidator
        {
            RequiredLength = 4,
        };
        // ruleid: csharp-weak-password-policy
        options.Password.RequiredLength = 6;
        // ok: csharp-weak-password-policy
        options.Password.RequiredLength = 12;
        // ok: csharp-weak-password-policy
        manager.PasswordValidator = new PasswordValidator { RequiredLength = 12 };
        // ok: csharp-weak-password-policy
        manager.PasswordValidator = new PasswordValidator { RequiredLength = 6, RequireDigit = true, RequireUppercase = true };
        // ok: csharp-weak-password-policy
        var v = new OtherValidator { RequiredLength = 4 };
    }
}

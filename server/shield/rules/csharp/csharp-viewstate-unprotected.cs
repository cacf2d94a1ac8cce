using System.Web.UI;

public partial class Checkout : Page
{
    protected void Page_Init(object sender, EventArgs e)
    {
        // ruleid: csharp-viewstate-unprotected
        this.EnableViewStateMac = false;
        // ruleid: csharp-viewstate-unprotected
        ViewStateEncryptionMode = ViewStateEncryptionMode.Never;
        // ok: csharp-viewstate-unprotected
        this.EnableViewStateMac = true;
        // ok: csharp-viewstate-unprotected
        ViewStateEncryptionMode = ViewStateEncryptionMode.Always;
        // ok: csharp-viewstate-unprotected
        var note = "enableViewStateMac=\"false\" is insecure";
        // EnableViewStateMac = false in a comment
    }
}

/* Code Shield's test snippets (web.config fragments) */
// ruleid: csharp-viewstate-unprotected
<system.web><pages viewStateEncryptionMode="Auto" /></system.web>
// ruleid: csharp-viewstate-unprotected
<system.web><pages enableViewStateMac="false" /></system.web>
// ok: csharp-viewstate-unprotected
<system.web><pages viewStateEncryptionMode="Always" enableViewStateMac="true" /></system.web>

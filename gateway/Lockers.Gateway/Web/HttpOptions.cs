using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Web;

/// <summary>Section "Http": limits of the gateway's HTTP endpoints (ADR 0111).</summary>
public sealed class HttpOptions : IGatewayOptions
{
    public static string Section => "Http";

    /// <summary>
    /// Largest request body in bytes; a larger one is answered 413 with a problem document before it is read. A booking is
    /// under 1 KiB; 64 KiB leaves room and keeps a flood of large bodies cheap.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

public sealed class HttpOptionsValidator : OptionsValidator<HttpOptions>
{
    protected override void Check(HttpOptions o, OptionProblems problems) =>
        problems.Range(nameof(o.MaxRequestBodyBytes), o.MaxRequestBodyBytes, 1024, 100L * 1024 * 1024, " bytes");
}

using System.Net;
using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Section "Metrics": who may read /metrics (ADR 0112). Never anyone on the public port by default: a scrape there needs
/// <c>Authorization: Bearer</c> with the scrape token; on the management port (when set) it needs nothing, the port is meant
/// to be reachable only from the monitoring network. With neither set, /metrics answers 401 on the public port.
/// </summary>
public sealed class MetricsOptions : IGatewayOptions
{
    public static string Section => "Metrics";

    public const int MinimumTokenLength = 32;

    /// <summary>The scrape token (at least 32 characters). Prefer <see cref="ScrapeTokenFile"/>.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>A file holding the scrape token (a mounted secret); read once at start-up.</summary>
    public string? ScrapeTokenFile { get; set; }

    /// <summary>A separate port serving only /metrics, without a token; 0: none.</summary>
    public int ManagementPort { get; set; }

    /// <summary>The address the management port listens on; keep it off the public network.</summary>
    public string ManagementAddress { get; set; } = "127.0.0.1";

    /// <summary>The configured token, from the option or the file; null when none.</summary>
    public string? ReadToken() => !string.IsNullOrEmpty(ScrapeToken) ? ScrapeToken
        : !string.IsNullOrEmpty(ScrapeTokenFile) && File.Exists(ScrapeTokenFile) ? File.ReadAllText(ScrapeTokenFile).Trim() : null;
}

public sealed class MetricsOptionsValidator : OptionsValidator<MetricsOptions>
{
    protected override void Check(MetricsOptions o, OptionProblems problems)
    {
        if (!string.IsNullOrEmpty(o.ScrapeToken))
        {
            problems.Require(o.ScrapeToken.Length >= MetricsOptions.MinimumTokenLength, nameof(o.ScrapeToken),
                $"must be at least {MetricsOptions.MinimumTokenLength} characters long.");
        }
        else if (!string.IsNullOrEmpty(o.ScrapeTokenFile))
        {
            problems.Require(File.Exists(o.ScrapeTokenFile), nameof(o.ScrapeTokenFile), $"'{o.ScrapeTokenFile}' does not exist.");
            problems.Require(!File.Exists(o.ScrapeTokenFile) || (o.ReadToken()?.Length ?? 0) >= MetricsOptions.MinimumTokenLength,
                nameof(o.ScrapeTokenFile), $"'{o.ScrapeTokenFile}' must hold at least {MetricsOptions.MinimumTokenLength} characters.");
        }
        problems.Range(nameof(o.ManagementPort), o.ManagementPort, 0, 65_535);
        problems.Require(IPAddress.TryParse(o.ManagementAddress, out _), nameof(o.ManagementAddress),
            $"must be an IP address (is '{o.ManagementAddress}').");
    }
}

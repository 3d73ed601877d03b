using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Recipients;

/// <summary>Section "Recipients": the parcel page at the access link (/r/{token}).</summary>
public sealed class RecipientsOptions : IGatewayOptions
{
    public static string Section => "Recipients";

    /// <summary>
    /// Requests to /r/... one client address may make per minute (1..10000); more are answered 429. Links are 128-bit
    /// random tokens, so this is about load and probing, not about guessing. Behind a proxy, forward the client's address.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 60;
}

public sealed class RecipientsOptionsValidator : OptionsValidator<RecipientsOptions>
{
    protected override void Check(RecipientsOptions o, OptionProblems problems) =>
        problems.Range(nameof(o.RequestsPerMinute), o.RequestsPerMinute, 1, 10000);
}

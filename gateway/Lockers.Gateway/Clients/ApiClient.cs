namespace Lockers.Gateway.Clients;

/// <summary>
/// A carrier or shop using the reservation API. The webhook secret is kept sealed (see SecretSealer). The recipient policy's
/// values are null until the client sets them: the defaults (RecipientPolicy options) apply.
/// </summary>
public sealed record ApiClient(
    string Id, string Name, string? WebhookUrl, byte[] SealedWebhookSecret, DateTimeOffset CreatedAt,
    int? RecipientExtensionHours = null, bool? RedirectBeforeDeposit = null, bool? RedirectAfterDeposit = null);

/// <summary>An API key as stored: the lookup prefix and the HMAC of the whole key.</summary>
public sealed record StoredApiKey(string Prefix, string ClientId, byte[] Hash, DateTimeOffset CreatedAt);

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Clients;

/// <summary>What `apikey create` prints once; none of it can be read back later.</summary>
public sealed record CreatedApiKey(string ClientId, string ClientName, string ApiKey, string? WebhookSecret);

/// <summary>Creates clients and keys, and authenticates keys. Keys are stored only as HMAC-SHA256 under the pepper.</summary>
public sealed partial class ApiClientService(ILockerStore store, CodeSecrets secrets, SecretSealer sealer, TimeProvider time)
{
    public const string WebhookSecretPurpose = "client-webhook-secret";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ClientNamePattern();

    /// <summary>Adds a key to the named client, creating the client (and its webhook secret) when new.</summary>
    /// <exception cref="ArgumentException">Bad name or webhook URL; the message says which.</exception>
    public async Task<CreatedApiKey> CreateKeyAsync(string clientName, string? webhookUrl, CancellationToken cancellationToken = default)
    {
        if (!ClientNamePattern().IsMatch(clientName))
        {
            throw new ArgumentException("client name must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        if (webhookUrl is not null && !IsWebhookUrl(webhookUrl))
        {
            throw new ArgumentException($"webhook URL '{webhookUrl}' must be an absolute http:// or https:// URL");
        }

        var key = ApiKey.Generate();
        ApiKey.TryGetPrefix(key, out var prefix);
        var now = time.GetStoreNow();
        return await store.ExecuteAsync(async tx =>
        {
            string? webhookSecret = null;
            var client = await tx.Clients.FindClientByNameAsync(clientName);
            if (client is null)
            {
                webhookSecret = "whsec_" + CodeGenerator.Token(32);
                client = new ApiClient("cli_" + CodeGenerator.Token(12), clientName, webhookUrl,
                    sealer.Seal(webhookSecret, WebhookSecretPurpose), now);
                await tx.Clients.InsertClientAsync(client);
            }
            await tx.Clients.InsertApiKeyAsync(new StoredApiKey(prefix!, client.Id, HashKey(key), now));
            await tx.Audit.AppendAsync(new AuditEntry(now, "admin:cli", AuditActions.ApiClientCreated,
                Detail: $"client={client.Id} name={clientName} key_prefix={prefix}"));
            return new CreatedApiKey(client.Id, clientName, key, webhookSecret);
        }, cancellationToken);
    }

    /// <returns>The client owning the key, or null for any unknown, malformed or wrong key.</returns>
    public async Task<ApiClient?> AuthenticateAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!ApiKey.TryGetPrefix(key, out var prefix))
        {
            return null;
        }
        return await store.ExecuteAsync(async tx =>
        {
            var stored = await tx.Clients.FindApiKeyAsync(prefix);
            return stored is not null && CodeHasher.Matches(stored.Hash, HashKey(key))
                ? await tx.Clients.GetClientAsync(stored.ClientId)
                : null;
        }, cancellationToken);
    }

    /// <summary>The client's recipient policy, as set or defaulted.</summary>
    public Task<RecipientPolicy?> GetPolicyAsync(string clientId, RecipientPolicyOptions defaults, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx => await tx.Clients.GetClientAsync(clientId) is { } client ? RecipientPolicy.For(client, defaults) : null,
            cancellationToken);

    /// <summary>Sets the client's recipient policy (audited); null values return to the defaults.</summary>
    public Task SetPolicyAsync(string clientId, int? extensionHours, bool? redirectBeforeDeposit, bool? redirectAfterDeposit,
        CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            await tx.Clients.SetRecipientPolicyAsync(clientId, extensionHours, redirectBeforeDeposit, redirectAfterDeposit);
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"client:{clientId}", AuditActions.RecipientPolicyChanged,
                Detail: $"extension_hours={Text(extensionHours)} redirect_before_deposit={Text(redirectBeforeDeposit)} " +
                        $"redirect_after_deposit={Text(redirectAfterDeposit)}"));
        }, cancellationToken);

    private static string Text(object? value) => value?.ToString()?.ToLowerInvariant() ?? "default";

    private byte[] HashKey(string key) => HMACSHA256.HashData(secrets.ApiKeyHashKey, Encoding.UTF8.GetBytes(key));

    private static bool IsWebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

using System.Text.Json.Nodes;
using System.Text.Json;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Webhooks;

/// <summary>
/// Writes a webhook into the outbox inside the caller's transaction, so the event exists exactly when the
/// state change does. Codes the client must pass on travel sealed and are merged in at delivery.
/// </summary>
public sealed class WebhookEnqueuer(SecretSealer sealer, TimeProvider time)
{
    public const string SecretsPurpose = "webhook-secrets";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="reservation">The reservation as the client sees it (its API form), sent as the event's "reservation".</param>
    /// <param name="secrets">Codes to pass on, sealed until delivery; null for none.</param>
    public async Task EnqueueAsync(IStoreTransaction tx, string clientId, string reservationId, string eventType, object reservation, object? secrets = null)
    {
        var client = await tx.Clients.GetClientAsync(clientId);
        if (client?.WebhookUrl is null)
        {
            return; // the client chose to poll instead
        }
        var now = time.GetStoreNow();
        var envelope = new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N"),
            ["type"] = eventType,
            ["occurredAt"] = now,
            ["reservation"] = JsonSerializer.SerializeToNode(reservation, reservation.GetType(), Json),
        };
        var sealedSecrets = secrets is null ? null : sealer.Seal(JsonSerializer.Serialize(secrets, Json), SecretsPurpose);
        await tx.Outbox.EnqueueAsync(client.Id, eventType, reservationId, envelope.ToJsonString(), sealedSecrets, now);
    }
}

using System.Text.Json.Nodes;
using System.Text.Json;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
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

    public async Task EnqueueAsync(IStoreTransaction tx, Reservation reservation, string eventType, object? secrets = null)
    {
        var client = await tx.Clients.GetClientAsync(reservation.ClientId);
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
            ["reservation"] = JsonSerializer.SerializeToNode(ReservationResponse.From(reservation), Json),
        };
        var sealedSecrets = secrets is null ? null : sealer.Seal(JsonSerializer.Serialize(secrets, Json), SecretsPurpose);
        await tx.Outbox.EnqueueAsync(client.Id, eventType, reservation.Id, envelope.ToJsonString(), sealedSecrets, now);
    }
}

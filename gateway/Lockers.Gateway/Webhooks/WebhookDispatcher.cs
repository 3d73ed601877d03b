using System.Text.Json.Nodes;
using System.Text;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Webhooks;

/// <summary>
/// Delivers the outbox: leases due messages, POSTs each signed to its client's URL, and on failure schedules
/// the next attempt with exponential backoff. State lives only in the store, so a restart (or another gateway)
/// carries on where this one stopped.
/// </summary>
public sealed class WebhookDispatcher(
    ILockerStore store, IHttpClientFactory httpClients, SecretSealer sealer, WebhookSignal signal,
    IOptions<WebhooksOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private readonly WebhooksOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            logger.LogInformation("Webhook dispatcher disabled (Webhooks:DispatcherEnabled=false)");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(_options.PollIntervalSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Webhook dispatch round failed; retrying at the next poll");
                await signal.WaitAsync(TimeSpan.FromSeconds(_options.PollIntervalSeconds), time, stoppingToken);
            }
        }
    }

    /// <returns>How many messages were delivered in this round.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetStoreNow();
        var leaseUntil = now + TimeSpan.FromSeconds(_options.TimeoutSeconds * 2 + 30);

        // Most wake-ups (every door event wakes the dispatcher) find nothing due: look first on a read snapshot,
        // so they do not queue for the write lock behind the locker link's commits.
        if (!await store.ReadAsync(tx => tx.Outbox.HasDueAsync(now), cancellationToken))
        {
            return 0;
        }

        var due = await store.ExecuteAsync(tx => tx.Outbox.LeaseDueAsync(now, leaseUntil, _options.BatchSize), cancellationToken);
        var delivered = 0;
        foreach (var message in due)
        {
            delivered += await DeliverAsync(message, cancellationToken) ? 1 : 0;
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var client = await store.ExecuteAsync(tx => tx.Clients.GetClientAsync(message.ClientId), cancellationToken);
            error = client?.WebhookUrl is null ? "client has no webhook URL" : await PostAsync(client, message, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex.Message;
        }

        var now = time.GetStoreNow();
        if (error is null)
        {
            await store.ExecuteAsync(tx => tx.Outbox.MarkDeliveredAsync(message.Id, now), cancellationToken);
            return true;
        }
        var attempts = message.Attempts + 1;
        DateTimeOffset? next = attempts >= _options.MaxAttempts ? null : now + _options.BackoffAfter(attempts);
        logger.LogWarning("Webhook {Id} ({Type}) attempt {Attempt} failed: {Error}", message.Id, message.EventType, attempts, error);
        await store.ExecuteAsync(tx => tx.Outbox.MarkFailedAsync(message.Id, attempts, next, error), cancellationToken);
        return false;
    }

    /// <returns>null on a 2xx answer, else what went wrong.</returns>
    private async Task<string?> PostAsync(ApiClient client, OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = ComposeBody(message);
        var secret = sealer.Unseal(client.SealedWebhookSecret, ApiClientService.WebhookSecretPurpose);
        using var request = new HttpRequestMessage(HttpMethod.Post, client.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(secret, time.GetStoreNow().ToUnixTimeSeconds(), body));
        request.Headers.Add("Lockers-Event", message.EventType);
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
    }

    private string ComposeBody(OutboxMessage message)
    {
        var envelope = JsonNode.Parse(message.Payload)!.AsObject();
        if (message.SealedSecrets is not null)
        {
            envelope["secrets"] = JsonNode.Parse(sealer.Unseal(message.SealedSecrets, WebhookEnqueuer.SecretsPurpose));
        }
        return envelope.ToJsonString();
    }
}

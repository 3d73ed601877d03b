using System.Text.Json;
using System.Text;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// POSTs every alarm change to Monitoring:AlarmWebhookUrl as JSON: <c>{"type":"alarm.raised","alarm":{...}}</c>, signed
/// like the reservation webhooks (Lockers-Signature under Monitoring:AlarmWebhookSecret, Lockers-Event the type).
/// </summary>
public sealed class AlarmWebhookSender(
    AlarmWebhookQueue queue, IHttpClientFactory http, IOptions<MonitoringOptions> options, TimeProvider time,
    ILogger<AlarmWebhookSender> logger)
    : BackgroundService
{
    public const string HttpClientName = "alarm-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Value.AlarmWebhookUrl;
        await foreach (var change in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                continue; // drained anyway so the queue never fills
            }
            await SendAsync(url, change, stoppingToken);
        }
    }

    private async Task SendAsync(string url, AlarmChange change, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.AlarmWebhookTimeoutSeconds));
        try
        {
            var type = "alarm." + change.Change;
            var body = JsonSerializer.Serialize(new { type, alarm = AlarmView.From(change.Alarm) }, Json);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(options.Value.AlarmWebhookSecret!, time.GetStoreNow().ToUnixTimeSeconds(), body));
            request.Headers.Add("Lockers-Event", type);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Alarm webhook answered {Status} for alarm {AlarmId}", (int)response.StatusCode, change.Alarm.Id);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Any failure (not only HTTP and timeouts): an exception leaving ExecuteAsync would stop the gateway.
            logger.LogWarning("Alarm webhook failed for alarm {AlarmId}: {Error}", change.Alarm.Id, ex.Message);
        }
    }
}

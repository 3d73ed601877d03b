using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>POSTs every alarm change to Monitoring:AlarmWebhookUrl as JSON: <c>{"type":"alarm.raised","alarm":{...}}</c>.</summary>
public sealed class AlarmWebhookSender(
    AlarmWebhookQueue queue, IHttpClientFactory http, IOptions<MonitoringOptions> options, ILogger<AlarmWebhookSender> logger)
    : BackgroundService
{
    public const string HttpClientName = "alarm-webhook";

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
            var body = new { type = "alarm." + change.Change, alarm = AlarmView.From(change.Alarm) };
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(url, body, timeout.Token);
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

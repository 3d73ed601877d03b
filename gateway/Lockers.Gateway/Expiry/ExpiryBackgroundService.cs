using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Expiry;

/// <summary>Runs <see cref="ExpiryService.ExpireDueAsync"/> every Expiry:ScanIntervalSeconds of the injected clock.</summary>
public sealed class ExpiryBackgroundService(
    ExpiryService expiry, IOptions<ExpiryOptions> options, TimeProvider time, ILogger<ExpiryBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ScanIntervalSeconds), time);
        do
        {
            try
            {
                var count = await expiry.ExpireDueAsync(stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Expired {Count} reservations", count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiry scan failed; retrying at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>Evaluates every locker's alarm rules on a timer, for the conditions no message announces (silence).</summary>
public sealed class HealthEvaluationService(
    LockerHealthService health, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<HealthEvaluationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EvaluatorEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await health.EvaluateAllAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A store hiccup must not end monitoring; the next tick tries again.
                    logger.LogError(ex, "Health evaluation failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

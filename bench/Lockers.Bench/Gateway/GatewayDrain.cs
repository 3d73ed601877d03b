using System.Diagnostics;

namespace Lockers.Bench.Gateway;

/// <summary>Waits, by polling the gateway's /metrics, until it has caught up with what the lockers sent.</summary>
public static class GatewayDrain
{
    /// <summary>Until the link has received at least <paramref name="messages"/> MQTT messages (births first: retained statuses).</summary>
    public static async Task WaitForMessagesAsync(GatewayProcess gateway, double messages, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        double last = -1;
        while (clock.Elapsed < timeout)
        {
            var now = (await gateway.ScrapeAsync()).MessagesIn;
            if (now >= messages)
            {
                return;
            }

            last = now;
            await Task.Delay(250);
        }

        throw new TimeoutException($"the gateway had not received {messages:N0} messages within {timeout.TotalSeconds} s (got {last:N0})");
    }

    /// <summary>Until the store counts at least <paramref name="pickups"/> picked-up parcels; returns when it did.</summary>
    public static async Task<TimeSpan> WaitForPickupsAsync(GatewayProcess gateway, double pickups, Stopwatch since, TimeSpan timeout)
    {
        var deadline = since.Elapsed + timeout;
        while (since.Elapsed < deadline)
        {
            if ((await gateway.ScrapeAsync()).Pickups >= pickups)
            {
                return since.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the gateway had not recorded {pickups:N0} pickups within {timeout.TotalSeconds} s");
    }
}

using System.Diagnostics;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The simulated lockers of one run: connected a few hundred at a time, and a steady background of telemetry at
/// the production interval, spread evenly (locker i reports at i/N of each interval), as a fleet that booted at
/// random times does. The MQTT keep-alive (the heartbeat, DeviceConfig.DefaultHeartbeatS) runs in each client.
/// </summary>
public sealed class LockerSwarm : IAsyncDisposable
{
    private const int ConnectParallelism = 64;
    private readonly List<BenchLocker> _lockers = new();
    private readonly MosquittoBroker _broker;
    private readonly TimeSpan _telemetryInterval;
    private CancellationTokenSource? _background;
    private Task? _telemetry;
    private long _telemetrySent;

    public LockerSwarm(MosquittoBroker broker, TimeSpan telemetryInterval)
    {
        _broker = broker;
        _telemetryInterval = telemetryInterval;
    }

    public IReadOnlyList<BenchLocker> Lockers => _lockers;
    public long TelemetrySent => Interlocked.Read(ref _telemetrySent);

    /// <summary>Connects the given lockers; returns null, or why the connections stopped (the first failure) with how many made it.</summary>
    public async Task<string?> ConnectAsync(IEnumerable<SeededLocker> seeded, CancellationToken cancellationToken)
    {
        string? failure = null;
        var connected = new List<BenchLocker>();
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (locker, token) =>
            {
                if (Volatile.Read(ref failure) is not null)
                {
                    return;
                }

                try
                {
                    var client = await BenchLocker.ConnectAsync(locker, _broker, token);
                    lock (connected)
                    {
                        connected.Add(client);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref failure, $"{locker.Id}: {ex.GetType().Name}: {ex.Message}", null);
                }
            });
        _lockers.AddRange(connected.OrderBy(locker => locker.Id, StringComparer.Ordinal));
        return failure;
    }

    /// <summary>Starts (or restarts, after more lockers connected) the telemetry background.</summary>
    public async Task StartTelemetryAsync()
    {
        await StopTelemetryAsync();
        _background = new CancellationTokenSource();
        var lockers = _lockers.ToArray();
        var token = _background.Token;
        _telemetry = Task.Run(() => RunTelemetryAsync(lockers, token));
    }

    public async Task StopTelemetryAsync()
    {
        if (_background is null)
        {
            return;
        }

        await _background.CancelAsync();
        await _telemetry!.ContinueWith(_ => { }, TaskScheduler.Default);
        _background.Dispose();
        _background = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopTelemetryAsync();
        await Parallel.ForEachAsync(_lockers, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism },
            async (locker, _) => await locker.DisposeAsync());
        _lockers.Clear();
    }

    private async Task RunTelemetryAsync(BenchLocker[] lockers, CancellationToken token)
    {
        if (lockers.Length == 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var spacing = _telemetryInterval.TotalSeconds / lockers.Length;
        long next = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await tick.WaitForNextTickAsync(token))
            {
                var due = (long)(clock.Elapsed.TotalSeconds / spacing);
                for (; next < due; next++)
                {
                    var locker = lockers[next % lockers.Length];
                    try
                    {
                        await locker.PublishTelemetryAsync(token);
                        Interlocked.Increment(ref _telemetrySent);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A locker that lost its connection just misses its sample (QoS 0).
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}

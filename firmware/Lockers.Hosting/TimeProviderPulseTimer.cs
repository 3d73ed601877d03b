using Lockers.Core.Ports;

namespace Lockers.Hosting;

/// <summary>
/// The core's pulse cut-off timer over a <see cref="TimeProvider"/> timer, so it fires on a thread-pool thread
/// whatever the simulated main loop is doing (and, in tests, when a fake time provider is advanced).
/// </summary>
public sealed class TimeProviderPulseTimer : IPulseTimer, IDisposable
{
    private readonly ITimer _timer;

    /// <summary>A disarmed timer on <paramref name="time"/> (default: the system's).</summary>
    public TimeProviderPulseTimer(TimeProvider? time = null)
    {
        _timer = (time ?? TimeProvider.System).CreateTimer(_ => Elapsed?.Invoke(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public event PulseTimerHandler? Elapsed;

    /// <inheritdoc />
    public void Start(int dueMs) => _timer.Change(TimeSpan.FromMilliseconds(dueMs), Timeout.InfiniteTimeSpan);

    /// <inheritdoc />
    public void Cancel() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();
}

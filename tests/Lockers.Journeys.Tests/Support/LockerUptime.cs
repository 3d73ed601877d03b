namespace Lockers.Journeys.Tests.Support;

/// <summary>
/// The simulated locker's own clock (its controller's uptime and wall time): the journey's wall time, and the system's
/// monotonic time moved on by <see cref="Skip"/>, so a test sees what the locker shows once a display hold has run out
/// without waiting for it. A skip is handed out at most <see cref="Step"/> per reading: the controller's main loop reads
/// the clock every 10 ms and its watchdog (10 s) only between those reads, so a skip never looks like a stalled loop.
/// </summary>
public sealed class LockerUptime(TimeProvider wall) : TimeProvider
{
    /// <summary>The most a single reading moves on.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private readonly long _origin = System.GetTimestamp();
    private long _skipped;
    private long _toSkip;

    public override DateTimeOffset GetUtcNow() => wall.GetUtcNow();

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            var step = Math.Min(_toSkip, Step.Ticks);
            _skipped += step;
            _toSkip -= step;
            return System.GetElapsedTime(_origin).Ticks + _skipped;
        }
    }

    /// <summary>True once every skip asked for has been handed out.</summary>
    public bool CaughtUp
    {
        get
        {
            lock (_gate)
            {
                return _toSkip == 0;
            }
        }
    }

    /// <summary>Moves the locker's uptime on by <paramref name="by"/> (wall time stays).</summary>
    public void Skip(TimeSpan by)
    {
        lock (_gate)
        {
            _toSkip += by.Ticks;
        }
    }
}

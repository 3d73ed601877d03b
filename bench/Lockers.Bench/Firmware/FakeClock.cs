using Lockers.Core.Ports;

namespace Lockers.Bench.Firmware;

/// <summary>A clock the benchmark moves by hand; wall time follows uptime from a fixed start. Allocates nothing.</summary>
public sealed class FakeClock : IClock
{
    private static readonly DateTime Start = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    public long UptimeMs { get; private set; } = 1_000;

    public DateTime UtcNow => Start.AddMilliseconds(UptimeMs);

    public bool HasWallTime => true;

    public void Advance(long ms) => UptimeMs += ms;
}

using Lockers.Core.Ports;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>The core's clock reading the gateway's fake time, so a test locker judges command expiry by the same clock.</summary>
public sealed class TestClock(FakeTimeProvider time) : IClock
{
    private readonly long _start = Environment.TickCount64;

    public long UptimeMs => Environment.TickCount64 - _start;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public bool HasWallTime => true;
}

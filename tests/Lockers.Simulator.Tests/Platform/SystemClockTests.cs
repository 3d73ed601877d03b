using Lockers.Hosting;
using Lockers.Testing;

namespace Lockers.Simulator.Tests.Platform;

public class SystemClockTests
{
    [Fact]
    public void UptimeAndWallTime_FollowTheTimeProvider_FromZeroAtCreation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero));
        time.Advance(TimeSpan.FromHours(5)); // the machine was up long before the locker booted
        var clock = new SystemClock(time);
        Assert.Equal(0, clock.UptimeMs);

        time.Advance(TimeSpan.FromMilliseconds(1_250));

        Assert.Equal(1_250, clock.UptimeMs);
        Assert.Equal(new DateTime(2026, 5, 4, 8, 2, 2, 250, DateTimeKind.Utc), clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
        Assert.True(clock.HasWallTime);
    }
}

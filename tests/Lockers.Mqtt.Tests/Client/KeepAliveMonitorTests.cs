using Lockers.Mqtt.Client;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Client;

public sealed class KeepAliveMonitorTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _time = new();
    private KeepAliveMonitor? _monitor;
    private int _pings;
    private string? _death;

    [Fact]
    public void Idle_OnePeriod_SendsOnePing()
    {
        using var monitor = Start();

        _time.Advance(Period - Tick);
        Assert.Equal(0, _pings);
        _time.Advance(Tick);
        Assert.Equal(1, _pings);
    }

    [Fact]
    public void PingUnanswered_DeadExactlyOneAndAHalfPeriodsAfterLastPacket()
    {
        using var monitor = Start();

        _time.Advance(Period * 1.5 - Tick);
        Assert.Null(_death);
        _time.Advance(Tick);

        Assert.NotNull(_death);
        Assert.Contains("keep-alive timeout", _death);
        Assert.Equal(1, _pings);
    }

    [Fact]
    public void PingAnswered_ManyPeriods_StaysAlive()
    {
        using var monitor = Start();

        for (int i = 0; i < 20; i++)
        {
            _time.Advance(Period);
            monitor.NotifyReceived(); // PINGRESP
        }

        Assert.Null(_death);
        Assert.Equal(20, _pings);
    }

    [Fact]
    public void ClientKeepsSending_NothingReceived_StillPingsAndDetectsDeath()
    {
        using var monitor = Start();

        // A publisher that writes every second but hears nothing: its writes alone must not hide a dead link.
        for (int i = 0; i < 15; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            monitor.NotifySent();
        }

        Assert.Equal(1, _pings);
        Assert.NotNull(_death);
    }

    [Fact]
    public void TrafficBothWays_NoPingNeeded()
    {
        using var monitor = Start();

        for (int i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            monitor.NotifySent();
            monitor.NotifyReceived();
        }

        Assert.Equal(0, _pings);
        Assert.Null(_death);
    }

    [Fact]
    public void ZeroPeriod_KeepAliveOff_NeverPingsOrDies()
    {
        using var monitor = new KeepAliveMonitor(TimeSpan.Zero, _time, CountPing, reason => _death = reason);
        monitor.Start();

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _pings);
        Assert.Null(_death);
    }

    private KeepAliveMonitor Start()
    {
        var monitor = new KeepAliveMonitor(Period, _time, CountPing, reason => _death = reason);
        _monitor = monitor;
        monitor.Start();
        return monitor;
    }

    private ValueTask CountPing()
    {
        _pings++;
        _monitor?.NotifySent(); // as the real connection does after every write
        return ValueTask.CompletedTask;
    }
}

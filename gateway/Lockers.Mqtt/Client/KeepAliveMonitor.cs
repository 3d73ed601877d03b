namespace Lockers.Mqtt.Client;

/// <summary>
/// Keeps one connection alive and notices when it is dead (spec 3.1.2.10). When nothing has been sent
/// or nothing received for a keep-alive period K, it sends PINGREQ; if then no packet at all arrives
/// within K/2, the connection is declared dead. So a dead link is detected at most 1.5 x K after the
/// last packet received. A slow application cannot delay this: it runs on a timer, apart from message dispatch.
/// </summary>
internal sealed class KeepAliveMonitor : IDisposable
{
    private readonly TimeSpan _period;
    private readonly TimeSpan _responseTimeout;
    private readonly TimeProvider _time;
    private readonly Func<ValueTask> _sendPing;
    private readonly Action<string> _onDead;
    private readonly object _gate = new();
    private ITimer? _timer;
    private long _lastSent;
    private long _lastReceived;
    private long? _pingSentAt;
    private bool _stopped;

    /// <summary>Creates a stopped monitor. <paramref name="sendPing"/> writes a PINGREQ; <paramref name="onDead"/> closes the connection.</summary>
    public KeepAliveMonitor(TimeSpan period, TimeProvider time, Func<ValueTask> sendPing, Action<string> onDead)
    {
        _period = period;
        _responseTimeout = period / 2;
        _time = time;
        _sendPing = sendPing;
        _onDead = onDead;
    }

    /// <summary>Starts watching from now. Does nothing for a zero period (keep-alive off).</summary>
    public void Start()
    {
        if (_period <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            _lastSent = _lastReceived = _time.GetTimestamp();
            _timer = _time.CreateTimer(_ => Evaluate(), null, _period, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Call after every packet written.</summary>
    public void NotifySent() => Volatile.Write(ref _lastSent, _time.GetTimestamp());

    /// <summary>Call after every packet read: any packet proves the broker is alive.</summary>
    public void NotifyReceived()
    {
        lock (_gate)
        {
            _lastReceived = _time.GetTimestamp();
            _pingSentAt = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
        }
    }

    private void Evaluate()
    {
        bool ping = false;
        string? death = null;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            long now = _time.GetTimestamp();
            if (_pingSentAt is { } sentAt)
            {
                if (_time.GetElapsedTime(sentAt, now) >= _responseTimeout)
                {
                    death = $"keep-alive timeout: no packet from the broker for {_time.GetElapsedTime(_lastReceived, now).TotalSeconds:0.#} s";
                    _stopped = true;
                }
            }
            else if (_time.GetElapsedTime(Volatile.Read(ref _lastSent), now) >= _period
                     || _time.GetElapsedTime(_lastReceived, now) >= _period)
            {
                _pingSentAt = now;
                ping = true;
            }

            if (death is null)
            {
                _timer!.Change(NextCheckIn(now), Timeout.InfiniteTimeSpan);
            }
        }

        if (death is not null)
        {
            _onDead(death);
        }
        else if (ping)
        {
            _ = SendPingAsync();
        }
    }

    /// <summary>The time until something could be due: the ping answer deadline, or the end of the quieter side's period.</summary>
    private TimeSpan NextCheckIn(long now)
    {
        TimeSpan due = _pingSentAt is { } sentAt
            ? _responseTimeout - _time.GetElapsedTime(sentAt, now)
            : _period - _time.GetElapsedTime(Math.Min(Volatile.Read(ref _lastSent), _lastReceived), now);
        return due > TimeSpan.FromMilliseconds(1) ? due : TimeSpan.FromMilliseconds(1);
    }

    private async Task SendPingAsync()
    {
        try
        {
            await _sendPing().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed write means the connection is already going down; the receive loop reports why.
        }
    }
}

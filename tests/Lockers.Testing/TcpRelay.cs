using System.Net;
using System.Net.Sockets;

namespace Lockers.Testing;

/// <summary>What a <see cref="TcpRelay"/> does with the bytes it carries.</summary>
public enum RelayMode
{
    /// <summary>Both ways, as they come.</summary>
    Pass,

    /// <summary>Holds every byte (the connections stay open, nothing moves) until the mode changes: a network stalling.</summary>
    Stall,

    /// <summary>
    /// Throws every byte away, both ways, with the connections left open: silent loss, a route that black-holes packets. A
    /// connection that lost bytes is reset when the route comes back, as TCP would give it up: a stream with a hole in it is
    /// never delivered.
    /// </summary>
    Drop,
}

/// <summary>
/// A TCP relay on a free 127.0.0.1 port in front of another endpoint (a broker), that a test switches between passing,
/// stalling and silently dropping what crosses it, or cuts, to put a locker "behind a bad network" without touching the
/// locker or the broker. Every connection accepted is relayed to the target. Held bytes (stall) are delivered, in order,
/// when the mode goes back to pass, so a stall delivers late rather than never. Dispose stops it and closes everything.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<Pair> _pairs = new();
    private TaskCompletionSource _modeChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RelayMode _mode = RelayMode.Pass;
    private Task _accepting = Task.CompletedTask;
    private long _forwarded;
    private long _dropped;

    private TcpRelay(TcpListener listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
    }

    /// <summary>The relay's port on 127.0.0.1: connect here instead of the target.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What the relay does now.</summary>
    public RelayMode Mode
    {
        get { lock (_gate) return _mode; }
    }

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Bytes passed on so far (both ways).</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Bytes thrown away so far (both ways).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts relaying 127.0.0.1:<see cref="Port"/> to <paramref name="targetPort"/> on 127.0.0.1.</summary>
    public static TcpRelay Start(int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var relay = new TcpRelay(listener, new IPEndPoint(IPAddress.Loopback, targetPort));
        relay._accepting = Task.Run(relay.AcceptAsync);
        return relay;
    }

    /// <summary>Bytes flow again; what a stall held is delivered first.</summary>
    public void Pass() => SetMode(RelayMode.Pass);

    /// <summary>Nothing moves until <see cref="Pass"/> (or <see cref="Drop"/>, which throws the held bytes away).</summary>
    public void Stall() => SetMode(RelayMode.Stall);

    /// <summary>
    /// Everything is thrown away until <see cref="Pass"/>; the connections stay open, as with a dead route, and those that lost
    /// bytes are reset when it comes back.
    /// </summary>
    public void Drop() => SetMode(RelayMode.Drop);

    /// <summary>Closes every open connection at once (both ends see it closed); new connections are still accepted.</summary>
    public void Cut()
    {
        Pair[] pairs;
        lock (_gate)
        {
            pairs = _pairs.ToArray();
            _pairs.Clear();
        }

        foreach (var pair in pairs)
        {
            pair.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        SetMode(RelayMode.Drop); // wakes every pump held by a stall
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping the listener ends the accept loop with an exception; nothing is left to clean up.
        }

        _stop.Dispose();
    }

    private void SetMode(RelayMode mode)
    {
        TaskCompletionSource changed;
        var damaged = new List<Pair>();
        lock (_gate)
        {
            _mode = mode;
            changed = _modeChanged;
            _modeChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (mode != RelayMode.Drop)
            {
                damaged.AddRange(_pairs.Where(pair => pair.LostBytes));
                _pairs.RemoveAll(pair => pair.LostBytes);
            }
        }

        changed.TrySetResult();
        foreach (var pair in damaged)
        {
            pair.Close();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The target is down: the inbound side sees its connection closed, as it would without the relay.
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            var pair = new Pair(inbound, outbound);
            lock (_gate)
            {
                _pairs.Add(pair);
                Connections++;
            }

            _ = PumpAsync(pair, inbound.GetStream(), outbound.GetStream());
            _ = PumpAsync(pair, outbound.GetStream(), inbound.GetStream());
        }
    }

    private async Task PumpAsync(Pair pair, NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                int read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                // Held here during a stall: this pump reads no more, so TCP pushes back on the sender as a stalled route would.
                RelayMode mode = await WhileStalledAsync().ConfigureAwait(false);
                if (mode == RelayMode.Drop || pair.LostBytes)
                {
                    pair.LostBytes = true;
                    Interlocked.Add(ref _dropped, read);
                    if (mode == RelayMode.Drop)
                    {
                        continue;
                    }

                    break; // the route is back, but this stream has a hole: reset it
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref _forwarded, read);
            }
        }
        catch (Exception)
        {
            // A side closed, the relay was cut or disposed: the other side learns it below.
        }

        lock (_gate)
        {
            _pairs.Remove(pair);
        }

        pair.Close();
    }

    // The mode to apply to bytes in hand: waits while the relay stalls.
    private async Task<RelayMode> WhileStalledAsync()
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_mode != RelayMode.Stall || _stop.IsCancellationRequested)
                {
                    return _mode;
                }

                changed = _modeChanged.Task;
            }

            await changed.ConfigureAwait(false);
        }
    }

    private sealed class Pair(TcpClient inbound, TcpClient outbound)
    {
        /// <summary>Bytes of this connection were dropped: it can never be whole again.</summary>
        public volatile bool LostBytes;

        public void Close()
        {
            // Reset, not a graceful close: a cut link gives no goodbye.
            try
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception)
            {
                // Already closed.
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }
}

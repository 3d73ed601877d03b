using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

/// <summary>
/// One accepted connection to the broker: the packet transport, the receive loop that hands every incoming
/// packet to the client, and the keep-alive monitor. It lives until the first failure or close and is never
/// reused: the client opens a new one to reconnect (<see cref="MqttConnectionOpener"/>).
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveLoopExitTimeout = TimeSpan.FromSeconds(5);

    private readonly MqttPacketTransport _transport;
    private readonly Func<MqttConnection, MqttPacket, ValueTask> _onPacket;
    private readonly ILogger _logger;
    private readonly KeepAliveMonitor _keepAlive;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<ConnectionLoss> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionLoss? _closeReason;
    private Task _receiveLoop = Task.CompletedTask;

    public MqttConnection(MqttPacketTransport transport, MqttClientOptions options, Func<MqttConnection, MqttPacket, ValueTask> onPacket, ILogger logger)
    {
        _transport = transport;
        _onPacket = onPacket;
        _logger = logger;
        _keepAlive = new KeepAliveMonitor(options.KeepAlive, options.TimeProvider,
            () => SendAsync(PingReqPacket.Instance, CancellationToken.None),
            reason => Close(new ConnectionLoss(reason), graceful: false));
    }

    public string Endpoint => _transport.Channel.Endpoint;

    /// <summary>Completes, with the reason, once the connection is closed and its receive loop has stopped.</summary>
    public Task<ConnectionLoss> Closed => _closed.Task;

    /// <summary>Cancelled when the connection starts closing.</summary>
    public CancellationToken ClosingToken => _closing.Token;

    public bool IsClosing => _closing.IsCancellationRequested;

    /// <summary>Starts reading packets and keeping the connection alive.</summary>
    public void Start()
    {
        _keepAlive.Start();
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Writes a packet. Throws <see cref="MqttClientNotConnectedException"/> once the connection is closing or the write fails.</summary>
    public ValueTask SendAsync(MqttPacket packet, CancellationToken cancellationToken)
        => SendAsync(packet, batch: null, cancellationToken);

    /// <summary>
    /// Writes packets in order with one write, as <see cref="SendAsync(MqttPacket, CancellationToken)"/> writes one. When it
    /// throws, treat every packet of the batch as unsent: nothing tells how much of the write reached the broker.
    /// </summary>
    public ValueTask SendAsync(IReadOnlyList<MqttPacket> packets, CancellationToken cancellationToken)
        => SendAsync(packet: null, packets, cancellationToken);

    private async ValueTask SendAsync(MqttPacket? packet, IReadOnlyList<MqttPacket>? batch, CancellationToken cancellationToken)
    {
        if (IsClosing)
        {
            throw new MqttClientNotConnectedException($"The connection to {Endpoint} is closed.");
        }

        // The send loop and every PUBACK pass no token of their own: then the connection's closing token alone
        // will do, without a linked source (an allocation and two registrations) per packet.
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token)
            : null;
        try
        {
            var token = linked?.Token ?? _closing.Token;
            await (packet is not null ? _transport.SendAsync(packet, token) : _transport.SendAsync(batch!, token)).ConfigureAwait(false);
            _keepAlive.NotifySent();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is not ArgumentException)
        {
            Close(new ConnectionLoss($"writing to {Endpoint} failed: {error.Message}", error), graceful: false);
            throw new MqttClientNotConnectedException($"The connection to {Endpoint} was lost while sending.", error);
        }
    }

    /// <summary>Sends a PUBACK, ignoring a connection that died meanwhile (the broker redelivers then).</summary>
    public async ValueTask TrySendPubAckAsync(ushort packetId)
    {
        try
        {
            await SendAsync(new PubAckPacket(packetId), CancellationToken.None).ConfigureAwait(false);
        }
        catch (MqttClientNotConnectedException)
        {
        }
    }

    /// <summary>Sends DISCONNECT (so the broker discards the will) and closes in an orderly way.</summary>
    public async Task DisconnectAsync(TimeSpan timeout)
    {
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout);
            await SendAsync(DisconnectPacket.Instance, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or MqttClientNotConnectedException)
        {
            _logger.LogDebug("DISCONNECT could not be sent to {Endpoint}: {Message}", Endpoint, error.Message);
        }

        Close(new ConnectionLoss("disconnected by the application"), graceful: true);
    }

    /// <summary>Closes at once without DISCONNECT: the broker will publish the will.</summary>
    public void Abort(string reason) => Close(new ConnectionLoss(reason), graceful: false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Close(new ConnectionLoss("connection disposed"), graceful: false);
        try
        {
            await _receiveLoop.WaitAsync(ReceiveLoopExitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("The receive loop for {Endpoint} did not stop within {Timeout}", Endpoint, ReceiveLoopExitTimeout);
        }

        _keepAlive.Dispose();
        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    private void Close(ConnectionLoss reason, bool graceful)
    {
        lock (_closing)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeReason = reason;
        }

        _keepAlive.Dispose();
        _closing.Cancel();
        if (graceful)
        {
            _ = _transport.DisposeAsync().AsTask();
        }
        else
        {
            _transport.Abort();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        ConnectionLoss loss;
        try
        {
            while (true)
            {
                var packet = await _transport.ReceiveAsync(_closing.Token).ConfigureAwait(false);
                if (packet is null)
                {
                    loss = new ConnectionLoss($"the broker at {Endpoint} closed the connection");
                    break;
                }

                _keepAlive.NotifyReceived();
                await _onPacket(this, packet).ConfigureAwait(false);
            }
        }
        catch (MqttProtocolException error)
        {
            _logger.LogError("Closing the connection to {Endpoint}: protocol error: {Message}", Endpoint, error.Message);
            loss = new ConnectionLoss($"protocol error: {error.Message}", error);
        }
        catch (Exception error) when (IsClosing)
        {
            loss = _closeReason ?? new ConnectionLoss("connection closed", error);
        }
        catch (Exception error)
        {
            loss = new ConnectionLoss($"reading from {Endpoint} failed: {error.Message}", error);
        }

        Close(loss, graceful: false);
        _closed.TrySetResult(_closeReason ?? loss);
    }
}

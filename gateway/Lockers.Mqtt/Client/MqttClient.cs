using System.Threading.Channels;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lockers.Mqtt.Client;

/// <summary>
/// An MQTT 3.1.1 client with QoS 0 and 1, keep-alive, automatic reconnect with session restore, a bounded
/// outgoing queue and a bounded received-message queue. See README.md in this project for the semantics.
/// Thread-safe: publish, subscribe and read messages from any thread.
/// </summary>
public sealed partial class MqttClient : IAsyncDisposable
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<MqttClientOptions, IMqttChannel> _channelFactory;
    private readonly PacketIdAllocator _packetIds = new();
    private readonly InflightStore _inflight;
    private readonly PendingRequests _pendingRequests = new();
    private readonly OutgoingQueue _outgoing;
    private readonly InboundDispatcher _inbound;
    private readonly SubscriptionRegistry _subscriptions = new();
    private readonly ReconnectPolicy _reconnectPolicy;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly object _connectionGate = new();
    private MqttConnection? _connection;
    private CancellationTokenSource? _run;
    private Task? _supervisor;
    private bool _stopping;
    private bool _disposed;
    private volatile MqttClientState _state = MqttClientState.Disconnected;

    /// <summary>Creates a disconnected client. Throws <see cref="ArgumentException"/> for invalid options.</summary>
    public MqttClient(MqttClientOptions options, ILogger? logger = null)
        : this(options, logger, MqttConnectionOpener.CreateDefaultChannel)
    {
    }

    /// <summary>
    /// Creates a client whose connections come from <paramref name="channelFactory"/>, called once per connection
    /// attempt: for in-memory brokers, fault-injecting channels (drop, delay, corrupt) or other transports.
    /// </summary>
    public MqttClient(MqttClientOptions options, ILogger? logger, Func<MqttClientOptions, IMqttChannel> channelFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _channelFactory = channelFactory;
        _inflight = new InflightStore(options.MaxInflightPublishes, _packetIds);
        _outgoing = new OutgoingQueue(options.OutgoingQueueCapacity, options.WaitWhenOutgoingQueueFull);
        _inbound = new InboundDispatcher(options.InboundQueueCapacity, options.ManualAcknowledgement, _logger);
        _reconnectPolicy = new ReconnectPolicy(options.ReconnectMinDelay, options.ReconnectMaxDelay, options.ReconnectJitter);
    }

    /// <summary>Raised on every state change, with the reason. Handlers run synchronously on a client thread: keep them short.</summary>
    public event EventHandler<MqttClientStateChangedEventArgs>? StateChanged;

    /// <summary>The current state.</summary>
    public MqttClientState State => _state;

    /// <summary>The options in use.</summary>
    public MqttClientOptions Options => _options;

    /// <summary>
    /// Received messages, in arrival order. Read with <c>await foreach (var m in client.Messages.ReadAllAsync(ct))</c>.
    /// Bounded (<see cref="MqttClientOptions.InboundQueueCapacity"/>); it completes when the client is disposed. With
    /// <see cref="MqttClientOptions.ManualAcknowledgement"/>, pass each message to <see cref="AcknowledgeAsync"/> once processed.
    /// </summary>
    public ChannelReader<MqttApplicationMessage> Messages => _inbound.Reader;

    /// <summary>
    /// With <see cref="MqttClientOptions.ManualAcknowledgement"/>: QoS 1 messages in <see cref="Messages"/> or already read
    /// from it and not yet acknowledged with <see cref="AcknowledgeAsync"/>; at most <see cref="MqttClientOptions.InboundQueueCapacity"/>.
    /// Always 0 otherwise.
    /// </summary>
    public int UnacknowledgedMessageCount => _inbound.UnacknowledgedCount;

    /// <summary>QoS 0 messages dropped because the application did not read <see cref="Messages"/> fast enough.</summary>
    public long DroppedQos0Messages => _inbound.DroppedQos0Messages;

    /// <summary>Publishes waiting in the outgoing queue (not yet written).</summary>
    public int QueuedPublishCount => _outgoing.Count;

    /// <summary>QoS 1 publishes written and waiting for PUBACK.</summary>
    public int InflightPublishCount => _inflight.Count;

    /// <summary>
    /// Connects and starts the client; returns once the broker accepted (CONNACK 0) and the session is restored.
    /// Fails fast, without retrying: <see cref="MqttConnectException"/> tells why. Once connected, lost
    /// connections are re-established automatically (unless <see cref="MqttClientOptions.AutoReconnect"/> is off).
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_supervisor is { IsCompleted: false })
            {
                throw new InvalidOperationException("The client is already connected or reconnecting; call DisconnectAsync first.");
            }

            _run?.Dispose();
            _run = null;
            SetState(MqttClientState.Connecting, $"connecting to {_options.Host}:{_options.Port}");
            MqttConnection connection;
            try
            {
                connection = await OpenAndRestoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SetState(MqttClientState.Disconnected, $"connect failed: {error.Message}", error);
                throw;
            }

            _run = new CancellationTokenSource();
            _stopping = false;
            _connection = connection;
            SetState(MqttClientState.Connected, $"connected to {connection.Endpoint}");
            var runToken = _run.Token;
            _supervisor = Task.Run(() => SuperviseAsync(connection, runToken), CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Sends DISCONNECT (the broker discards the will) and stops. Publishes still queued or awaiting PUBACK fail
    /// with <see cref="MqttClientStoppedException"/>. The client may be connected again with <see cref="ConnectAsync"/>.
    /// </summary>
    public Task DisconnectAsync() => StopAsync(graceful: true, "disconnected by the application");

    /// <summary>
    /// Drops the connection without DISCONNECT, as a crash would (the broker publishes the will), and stops.
    /// For fault injection and simulators.
    /// </summary>
    public Task AbortAsync() => StopAsync(graceful: false, "aborted by the application");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        // Refuse new publishes first, so none can slip into the queue after it has been failed.
        _disposed = true;
        _outgoing.Close();
        await StopAsync(graceful: true, "client disposed").ConfigureAwait(false);
        _inbound.Complete();
    }

    private async Task StopAsync(bool graceful, string reason)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_run is not null && _supervisor is not null)
            {
                await StopConnectionAsync(graceful, reason).ConfigureAwait(false);
                _run.Dispose();
                _run = null;
                _supervisor = null;
            }

            var stopped = new MqttClientStoppedException($"The MQTT client was stopped ({reason}) before the message was acknowledged.");
            _outgoing.FailAll(stopped);
            _inflight.FailAll(stopped);
            _pendingRequests.FailAll(new MqttClientNotConnectedException($"The MQTT client was stopped ({reason})."));
            if (_state != MqttClientState.Disconnected)
            {
                SetState(MqttClientState.Disconnected, reason);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StopConnectionAsync(bool graceful, string reason)
    {
        MqttConnection? connection;
        lock (_connectionGate)
        {
            _stopping = true;
            connection = _connection;
        }

        _run!.Cancel();
        if (connection is not null)
        {
            if (graceful)
            {
                await connection.DisconnectAsync(DisconnectTimeout).ConfigureAwait(false);
            }
            else
            {
                connection.Abort(reason);
            }
        }

        try
        {
            await _supervisor!.WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogError("The MQTT client's connection supervisor did not stop within {Timeout}", StopTimeout);
        }
    }
}

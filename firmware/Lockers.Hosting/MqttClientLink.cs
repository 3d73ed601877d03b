using System.Threading.Channels;
using Lockers.Core.Ports;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Hosting;

/// <summary>
/// The core's <see cref="IMqttLink"/> over the project's own MQTT client. It registers the retained status
/// last will, keeps trying until the first connection succeeds (the client itself reconnects after that),
/// and raises every event (state, messages, acks) in order on one dispatch task, never on a client thread,
/// so the core may publish from inside a handler. Publishing while disconnected returns -1, as the port
/// contract says: the core keeps the message in its journal instead.
/// </summary>
public sealed class MqttClientLink : IMqttLink, IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly ILogger? _logger;
    private readonly Channel<Action> _dispatch = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly object _stateGate = new();
    private Task _connectLoop = Task.CompletedTask;
    private Task _dispatchLoop = Task.CompletedTask;
    private Task _readLoop = Task.CompletedTask;
    private int _lastMessageId;
    private bool _connected;

    /// <summary>Creates a link; nothing happens until <see cref="Start"/>.</summary>
    public MqttClientLink(MqttClientOptions options, ILogger? logger = null)
    {
        _client = new MqttClient(options, logger);
        _logger = logger;
        _client.StateChanged += (_, change) => OnClientState(change.State == MqttClientState.Connected);
    }

    /// <inheritdoc />
    public event MqttMessageHandler? MessageReceived;

    /// <inheritdoc />
    public event MqttPublishAckedHandler? PublishAcked;

    /// <inheritdoc />
    public event MqttLinkStateHandler? StateChanged;

    /// <inheritdoc />
    public bool IsConnected => _client.State == MqttClientState.Connected;


    /// <summary>
    /// Builds the client options for a locker: its credentials, a clean session (the core's journal, not the
    /// broker, keeps what must survive), the status last will, and the keep-alive as the locker's heartbeat.
    /// </summary>
    public static MqttClientOptions OptionsFor(
        string host, int port, string clientId, string? userName, string? password,
        string statusTopic, byte[] willPayload, TimeSpan keepAlive)
    {
        return new MqttClientOptions
        {
            Host = host,
            Port = port,
            ClientId = clientId,
            UserName = userName,
            Password = password,
            CleanSession = true,
            KeepAlive = keepAlive,
            Will = new MqttWill(statusTopic, willPayload, MqttQos.AtLeastOnce, Retain: true),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(5),
        };
    }

    /// <summary>Starts connecting in the background (retrying until it succeeds) and dispatching events.</summary>
    public void Start()
    {
        _dispatchLoop = Task.Run(DispatchAsync);
        _readLoop = Task.Run(ReadMessagesAsync);
        _connectLoop = Task.Run(ConnectUntilUpAsync);
    }

    /// <inheritdoc />
    public int Publish(string topic, byte[] payload, int qos, bool retain)
    {
        if (!IsConnected)
        {
            return -1;
        }

        int id = Interlocked.Increment(ref _lastMessageId);
        Task sent;
        try
        {
            sent = _client.PublishAsync(topic, payload, qos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce, retain);
        }
        catch (Exception error) when (error is MqttQueueFullException or ObjectDisposedException)
        {
            // The caller keeps the message (the core's journal or outbox) and tries again.
            return -1;
        }

        // A publish that fails for good is never acknowledged, so the core keeps it and replays it after a reconnect.
        _ = sent.ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully && qos > 0)
                {
                    Post(() => PublishAcked?.Invoke(id));
                }
            },
            TaskScheduler.Default);
        return id;
    }

    /// <inheritdoc />
    public bool Subscribe(string topicFilter, int qos)
    {
        if (!IsConnected)
        {
            return false;
        }

        // The client restores granted subscriptions after reconnects; a refusal here is only logged.
        _ = _client.SubscribeAsync(topicFilter, qos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce)
            .ContinueWith(
                done => _logger?.LogWarning(done.Exception, "subscribe to {Filter} failed", topicFilter),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return true;
    }

    /// <summary>
    /// Publishes and waits for the broker's acknowledgement (QoS 1) or the write (QoS 0), at most
    /// <paramref name="timeout"/>; for the host's own messages, such as the clean-shutdown status.
    /// </summary>
    public async Task<bool> PublishAndWaitAsync(string topic, byte[] payload, int qos, bool retain, TimeSpan timeout)
    {
        if (!IsConnected)
        {
            return false;
        }

        try
        {
            using var expiry = new CancellationTokenSource(timeout);
            await _client.PublishAsync(topic, payload, qos == 0 ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce, retain, expiry.Token)
                .ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is OperationCanceledException or MqttClientStoppedException or MqttQueueFullException)
        {
            return false;
        }
    }

    /// <summary>Power cut: drops the connection without DISCONNECT, so the broker publishes the last will.</summary>
    public Task AbortAsync() => StopAsync(graceful: false);

    /// <summary>Clean stop: DISCONNECT, so the broker discards the last will.</summary>
    public Task DisconnectAsync() => StopAsync(graceful: true);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(graceful: true).ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopAsync(bool graceful)
    {
        if (_stop.IsCancellationRequested)
        {
            return; // Already stopped (a power cut followed by dispose).
        }

        _stop.Cancel();

        await _connectLoop.ConfigureAwait(false);
        if (graceful)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        else
        {
            await _client.AbortAsync().ConfigureAwait(false);
        }

        _dispatch.Writer.TryComplete();
        await _dispatchLoop.ConfigureAwait(false);
    }

    private async Task ConnectUntilUpAsync()
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _client.ConnectAsync(_stop.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error)
            {
                _logger?.LogInformation("broker not reachable yet ({Reason}); retrying in {Delay}", error.Message, delay);
            }

            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }
    }

    private void OnClientState(bool connected)
    {
        lock (_stateGate)
        {
            if (connected == _connected)
            {
                return; // Connecting -> Reconnecting and the like are not link changes.
            }

            _connected = connected;
        }

        Post(() => StateChanged?.Invoke(connected));
    }

    private async Task ReadMessagesAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                var topic = message.Topic;
                var payload = message.Payload.ToArray();
                Post(() => MessageReceived?.Invoke(topic, payload));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Post(Action raise) => _dispatch.Writer.TryWrite(raise);

    private async Task DispatchAsync()
    {
        await foreach (var raise in _dispatch.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                raise();
            }
            catch (Exception error)
            {
                // A handler's bug must not stop the link; the core logs its own faults.
                _logger?.LogError(error, "MQTT link event handler failed");
            }
        }
    }
}

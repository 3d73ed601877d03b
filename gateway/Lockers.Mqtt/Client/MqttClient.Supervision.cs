using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>
    /// Runs for as long as the client is started: feeds the outgoing queue to the live connection, and when the
    /// connection is lost, reconnects with backoff and restores the session before sending anything new.
    /// </summary>
    private async Task SuperviseAsync(MqttConnection connection, CancellationToken runToken)
    {
        try
        {
            await SuperviseConnectionsAsync(connection, runToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // A bug, not a network condition: say so loudly rather than leave a client that silently stopped.
            _logger.LogCritical(error, "The MQTT client's connection supervisor failed; the client is stopped");
            SetState(MqttClientState.Disconnected, $"internal error: {error.Message}", error);
        }
    }

    private async Task SuperviseConnectionsAsync(MqttConnection connection, CancellationToken runToken)
    {
        while (true)
        {
            var sendLoop = SendLoopAsync(connection, runToken);
            var loss = await connection.Closed.ConfigureAwait(false);
            await sendLoop.ConfigureAwait(false);
            lock (_connectionGate)
            {
                _connection = null;
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            if (runToken.IsCancellationRequested)
            {
                return; // StopAsync reports the state.
            }

            _logger.LogWarning("Connection to {Endpoint} lost: {Reason}", connection.Endpoint, loss.Reason);
            if (!_options.AutoReconnect)
            {
                // Queued and unacknowledged publishes stay: the next ConnectAsync sends them.
                SetState(MqttClientState.Disconnected, loss.Reason, loss.Error);
                return;
            }

            SetState(MqttClientState.Reconnecting, loss.Reason, loss.Error);
            var next = await ReconnectAsync(runToken).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            lock (_connectionGate)
            {
                if (_stopping)
                {
                    next.Abort("client stopping");
                }
                else
                {
                    _connection = next;
                }
            }

            if (_stopping)
            {
                await next.DisposeAsync().ConfigureAwait(false);
                return;
            }

            SetState(MqttClientState.Connected, $"reconnected to {next.Endpoint}");
            connection = next;
        }
    }

    /// <summary>Tries again and again, with backoff, until connected or stopped (then null).</summary>
    private async Task<MqttConnection?> ReconnectAsync(CancellationToken runToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var delay = _reconnectPolicy.NextDelay(attempt);
            try
            {
                await Task.Delay(delay, _options.TimeProvider, runToken).ConfigureAwait(false);
                return await OpenAndRestoreAsync(runToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (runToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception error)
            {
                _logger.LogWarning("Reconnect attempt {Attempt} to {Host}:{Port} failed: {Message}",
                    attempt + 1, _options.Host, _options.Port, error.Message);
            }
        }
    }

    /// <summary>Connects, then restores the session: resubscribes if the broker kept none, and resends unacknowledged QoS 1 publishes in order.</summary>
    private async Task<MqttConnection> OpenAndRestoreAsync(CancellationToken cancellationToken)
    {
        var (connection, sessionPresent) = await MqttConnectionOpener
            .OpenAsync(_options, _channelFactory, OnPacketAsync, _logger, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!sessionPresent)
            {
                await ResubscribeAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            var unacknowledged = _inflight.SnapshotForResend();
            foreach (var write in InCoalescedWrites(unacknowledged))
            {
                await connection.SendAsync(write, cancellationToken).ConfigureAwait(false);
            }

            if (unacknowledged.Count > 0)
            {
                _logger.LogInformation("Resent {Count} unacknowledged QoS 1 publishes with DUP=1", unacknowledged.Count);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ResubscribeAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        var active = _subscriptions.Snapshot();
        if (active.Count == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var answer = await RequestOnAsync(connection, id => new SubscribePacket(id, active), linked.Token).ConfigureAwait(false);
        foreach (var item in ToResult(active, answer).Items.Where(item => !item.Granted))
        {
            _logger.LogError("The broker refused the resubscription to '{Filter}' after reconnecting; dropping it", item.TopicFilter);
            _subscriptions.Remove(item.TopicFilter);
        }

        _logger.LogInformation("Resubscribed to {Count} topic filters (the broker kept no session)", active.Count);
    }
}

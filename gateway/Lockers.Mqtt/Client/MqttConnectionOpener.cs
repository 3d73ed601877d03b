using System.Text;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Opens a channel, sends CONNECT and waits for an accepting CONNACK, all within the connect timeout.
/// Every failure becomes an <see cref="MqttConnectException"/> (cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>).
/// </summary>
internal static class MqttConnectionOpener
{
    /// <summary>The default channel: TLS when the options carry TLS settings, plain TCP otherwise.</summary>
    public static IMqttChannel CreateDefaultChannel(MqttClientOptions options) => options.Tls is null
        ? new TcpMqttChannel(options.Host, options.Port)
        : new TlsMqttChannel(options.Host, options.Port, options.Tls);

    /// <summary>Connects; returns the started connection and the CONNACK's session-present flag.</summary>
    public static async Task<(MqttConnection Connection, bool SessionPresent)> OpenAsync(
        MqttClientOptions options,
        Func<MqttClientOptions, IMqttChannel> channelFactory,
        Func<MqttConnection, MqttPacket, ValueTask> onPacket,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var channel = channelFactory(options);
        var transport = new MqttPacketTransport(channel, options.MaxIncomingPacketSize);
        try
        {
            await channel.ConnectAsync(linked.Token).ConfigureAwait(false);
            await transport.SendAsync(BuildConnect(options), linked.Token).ConfigureAwait(false);
            var answer = await transport.ReceiveAsync(linked.Token).ConfigureAwait(false);
            var connAck = answer as ConnAckPacket ?? throw new MqttConnectException(
                answer is null
                    ? $"{channel.Endpoint} closed the connection before sending CONNACK"
                    : $"{channel.Endpoint} sent {answer.Type} instead of CONNACK", null);
            if (connAck.ReturnCode != ConnectReturnCode.Accepted)
            {
                throw new MqttConnectException(connAck.ReturnCode);
            }

            var connection = new MqttConnection(transport, options, onPacket, logger);
            connection.Start();
            logger.LogInformation("Connected to {Endpoint} as '{ClientId}' (session present: {SessionPresent})",
                channel.Endpoint, options.ClientId, connAck.SessionPresent);
            return (connection, connAck.SessionPresent);
        }
        catch (Exception error)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            if (error is MqttConnectException || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new MqttConnectException(
                    $"Could not connect to {channel.Endpoint}: no CONNACK within {options.ConnectTimeout.TotalSeconds:0.###} s", error);
            }

            throw new MqttConnectException($"Could not connect to {channel.Endpoint}: {error.Message}", error);
        }
    }

    private static ConnectPacket BuildConnect(MqttClientOptions options) => new(
        options.ClientId,
        options.CleanSession,
        (ushort)options.KeepAlive.TotalSeconds,
        options.UserName,
        options.Password is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(options.Password),
        options.Will);
}

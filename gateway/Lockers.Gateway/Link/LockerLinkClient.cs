using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Protocol;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// The gateway's one MQTT connection to the broker, built from <see cref="LockerLinkOptions"/>. It uses a
/// persistent session (clean session off, stable client id), so QoS 1 events that lockers publish while the
/// gateway is down wait in the broker. Transport timing (keep-alive, backoff) uses the system clock, not the
/// gateway's TimeProvider, which tests may freeze.
/// </summary>
public sealed class LockerLinkClient : ILockerCommandPublisher, IAsyncDisposable
{
    private readonly Lazy<MqttClient> _client;

    public LockerLinkClient(IOptions<LockerLinkOptions> options, ILoggerFactory loggers)
    {
        var link = options.Value;
        _client = new Lazy<MqttClient>(() => new MqttClient(BuildOptions(link), loggers.CreateLogger<MqttClient>()));
    }

    public MqttClient Client => _client.Value;

    /// <summary>Disconnected until the link service first connects.</summary>
    public MqttClientState State => _client.IsValueCreated ? _client.Value.State : MqttClientState.Disconnected;

    /// <summary>
    /// True once the broker granted every subscription: from then on the broker keeps lockers' QoS 1 messages for
    /// this session, even across reconnects. Until then a locker's event could find no subscriber and be dropped.
    /// </summary>
    public bool Subscribed { get; internal set; }

    /// <summary>Connected with its subscriptions in place: what /health and tests wait for.</summary>
    public bool IsServing => Subscribed && State == MqttClientState.Connected;

    public Task PublishCommandAsync(string lockerId, byte[] payload, CancellationToken cancellationToken) =>
        Client.PublishAsync(Topics.Command(lockerId), payload, MqttQos.AtLeastOnce, retain: false, cancellationToken);

    public Task PublishAckAsync(string lockerId, byte[] payload, CancellationToken cancellationToken) =>
        Client.PublishAsync(Topics.Ack(lockerId), payload, MqttQos.AtLeastOnce, retain: false, cancellationToken);

    /// <summary>The four locker-to-gateway filters, each as <c>$share/&lt;group&gt;/...</c> when a share group is set.</summary>
    public static IReadOnlyList<MqttSubscription> Subscriptions(string? sharedGroup) =>
        Channels.All
            .Where(Channels.IsFromLocker)
            .Select(channel =>
            {
                var filter = Topics.AllLockers(channel);
                return new MqttSubscription(string.IsNullOrEmpty(sharedGroup) ? filter : Topics.Shared(sharedGroup, filter),
                    (MqttQos)Channels.QosOf(channel));
            })
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            await _client.Value.DisposeAsync();
        }
    }

    private static MqttClientOptions BuildOptions(LockerLinkOptions link) => new()
    {
        Host = link.Host,
        Port = link.Port,
        ClientId = link.ClientId,
        CleanSession = false,
        KeepAlive = TimeSpan.FromSeconds(link.KeepAliveSeconds),
        UserName = link.Username,
        Password = string.IsNullOrEmpty(link.PasswordFile) ? link.Password : File.ReadAllText(link.PasswordFile).TrimEnd('\r', '\n'),
        Tls = link.Tls
            ? new MqttTlsOptions
            {
                CaCertificate = link.CaCertificateFile is { Length: > 0 } ca ? X509CertificateLoader.LoadCertificateFromFile(ca) : null,
                // The gateway's broker identity (ADR 0203): the shipped broker takes its common name as user name and client id.
                ClientCertificate = link.ClientCertificateFile is { Length: > 0 } certificate
                    ? X509Certificate2.CreateFromPemFile(certificate, link.ClientKeyFile)
                    : null,
            }
            : null,
        // The client's own packet limit stays at its 1 MiB default on purpose: a packet above it closes the
        // connection, the broker redelivers it, and one locker could stall the link. Oversized payloads are
        // instead counted and dropped by the handler (LockerLinkOptions.MaxPayloadBytes).
        ReconnectMaxDelay = TimeSpan.FromSeconds(30),
        // LockerLinkService acknowledges each QoS 1 message after it is applied (commit, then PUBACK).
        ManualAcknowledgement = true,
    };
}

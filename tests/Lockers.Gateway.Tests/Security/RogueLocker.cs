using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// An attacker's client, played by an independent MQTT implementation (MQTTnet, MQTT 3.1.1) so the tests do not share
/// a blind spot with the project's own client. It holds whatever it stole: a locker's certificate and key from that
/// locker's files, or nothing (plain text). It asks for any client id it likes.
/// </summary>
public sealed class RogueLocker : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<string> _received = new();

    private RogueLocker(IMqttClient client) => _client = client;

    public bool IsConnected => _client.IsConnected;

    /// <summary>What the broker delivered to it (topics), in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>
    /// Connects over TLS with a locker's stolen files (its locker.crt and locker.key, trusting its ca.crt) under
    /// <paramref name="clientId"/>; throws when the broker refuses.
    /// </summary>
    public static async Task<RogueLocker> ConnectWithStolenFilesAsync(string lockerFolder, string host, int port, string clientId)
    {
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(lockerFolder, "locker.crt"), Path.Combine(lockerFolder, "locker.key"));
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(lockerFolder, "ca.crt"));
        var options = Builder(host, port, clientId)
            .WithTlsOptions(tls => tls.UseTls().WithTargetHost("localhost").WithClientCertificates([certificate])
                .WithTrustChain([ca]).WithRevocationMode(X509RevocationMode.NoCheck))
            .Build();
        return await ConnectAsync(options);
    }

    /// <summary>Connects without TLS (as a sniffer-friendly client would); throws when the broker does not speak MQTT in clear.</summary>
    public static Task<RogueLocker> ConnectPlainAsync(string host, int port, string clientId) =>
        ConnectAsync(Builder(host, port, clientId).WithCredentials("test-a", "guess").Build());

    /// <summary>Subscribes to <paramref name="filter"/> at QoS 1 (the broker's ACL decides what is delivered).</summary>
    public Task SubscribeAsync(string filter) =>
        _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public Task PublishAsync(string topic, byte[] payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private static MqttClientOptionsBuilder Builder(string host, int port, string clientId) => new MqttClientOptionsBuilder()
        .WithTcpServer(host, port)
        .WithClientId(clientId)
        .WithProtocolVersion(MqttProtocolVersion.V311)
        .WithCleanSession(true)
        .WithTimeout(TimeSpan.FromSeconds(10));

    private static async Task<RogueLocker> ConnectAsync(MqttClientOptions options)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var rogue = new RogueLocker(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            lock (rogue._received)
            {
                rogue._received.Add(e.ApplicationMessage.Topic);
            }

            return Task.CompletedTask;
        };
        try
        {
            await client.ConnectAsync(options);
            return rogue;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

using Lockers.Core.Protocol;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Gateway.Tests.Provisioning;

/// <summary>
/// The broker configuration the project ships (broker/mosquitto.conf and broker/aclfile), run as shipped with only its
/// placeholders and port filled in (<see cref="ShippedBroker"/>), and provisioning pointed at its files: a new locker gets
/// in over TLS with the certificate provisioning made, without restarting the broker.
/// </summary>
public sealed class ShippedBrokerConfigTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ShippedConfig_ProvisionedLocker_ConnectsAfterReload_AndReachesTheGateway()
    {
        await using var broker = await ShippedBroker.StartAsync();
        using var gateway = new GatewayFixture(broker.ProvisioningSettings());
        await gateway.ImportTestSiteAsync();
        await using var listener = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host, Port = broker.Port, ClientId = TestIds.ClientId(role: "gateway"), Tls = broker.ClientTls(ShippedBroker.GatewayUser),
        });
        await listener.ConnectAsync();
        (await listener.SubscribeAsync(Topics.AllLockers(Channels.Event))).EnsureGranted();

        var provisioned = await gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(
            GatewayFixture.SiteId, "test-a", RepositoryRoot.DevKitBoard, broker.Host, broker.Port, Path.Combine(gateway.DataDirectory, "test-a")), "test");
        await using var locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, gateway.Time);
        await locker.DoorAsync(2, DoorStates.Closed);

        Assert.Equal(Topics.Event("test-a"), (await NextEventAsync(listener)).Topic);
        Assert.True(provisioned.BrokerReloaded);
        Assert.True(provisioned.CrlWritten);
    }

    [Fact]
    public void ShippedConfig_HasOnlyTlsListenersWithCertificateIdentities_AndNoPlainListenerOnTheNetwork()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("broker", "mosquitto.conf"))
            .Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        var listeners = lines.Where(line => line.StartsWith("listener ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["listener 8883 @BIND_ADDRESS@"], listeners);
        foreach (var required in new[]
                 {
                     "cafile @STATE_DIR@/tls/ca.crt", "certfile @STATE_DIR@/tls/server.crt", "keyfile @STATE_DIR@/tls/server.key",
                     "crlfile @STATE_DIR@/tls/crl.pem", "require_certificate true", "use_identity_as_username true",
                     "use_username_as_clientid true", "allow_anonymous false", "tls_version tlsv1.2",
                 })
        {
            Assert.Contains(required, lines);
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("password_file", StringComparison.Ordinal));
        // The optional plain listener for local tools is there only as a comment, bound to loopback.
        var all = File.ReadAllText(RepositoryRoot.File("broker", "mosquitto.conf"));
        Assert.Contains("#listener 1883 127.0.0.1", all);
    }

    /// <summary>The first message on an event topic (the retained status may come first); fails after a timeout.</summary>
    private static async Task<MqttApplicationMessage> NextEventAsync(MqttClient client)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        MqttApplicationMessage message;
        do
        {
            message = await client.Messages.ReadAsync(timeout.Token);
        }
        while (!message.Topic.EndsWith("/" + Channels.Event, StringComparison.Ordinal));
        return message;
    }
}

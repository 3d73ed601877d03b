using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Provisioning;

/// <summary>
/// What a provisioned locker may do on a real Mosquitto set up as shipped. Mosquitto drops a denied publish
/// silently and lets a denied subscription deliver nothing, so "denied" is checked with a barrier: a message the
/// observer must get, sent after the one it must not; when the barrier arrives, the denied one would have too.
/// </summary>
public sealed class ProvisionedBrokerAccessTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private LockerBroker _broker = null!;
    private GatewayFixture _gateway = null!;
    private readonly List<IAsyncDisposable> _clients = new();

    public async Task InitializeAsync()
    {
        _broker = await LockerBroker.StartAsync();
        _gateway = new GatewayFixture(_broker.ProvisioningSettings());
        await _gateway.ImportTestSiteAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _gateway.Dispose();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task ProvisionedLocker_PublishesItsOwnTopics_AndTheGatewayUserReceivesThem()
    {
        var gateway = await GatewayUserAsync();
        var locker = await ProvisionAndConnectAsync("test-a");

        await locker.DoorAsync(1, DoorStates.Closed);

        var received = await NextAsync(gateway, m => m.Topic == Topics.Event("test-a"));
        Assert.Equal(1, LockerEvent.Parse(received.Payload.ToArray()).Compartment);
    }

    [Fact]
    public async Task Provisioning_ReportsTheBrokerFilesItChanged()
    {
        var result = await Provision("test-a");

        Assert.True(result.CrlWritten);
        Assert.True(result.BrokerReloaded);
        Assert.False(result.AclWritten); // the broker's ACL file exists already
        Assert.Empty(result.RevokedSerials);
    }

    [Fact]
    public async Task ProvisionedLocker_CannotPublishOnAnotherLockersTopics()
    {
        var gateway = await GatewayUserAsync();
        var lockerA = await ProvisionAndConnectAsync("test-a");
        await Provision("test-b");

        await lockerA.Client.PublishAsync(Topics.Event("test-b"), Encoding.UTF8.GetBytes("forged"), MqttQos.AtLeastOnce);
        await lockerA.Client.PublishAsync(Topics.Status("test-b"), Encoding.UTF8.GetBytes("forged"), MqttQos.AtLeastOnce);
        await lockerA.Client.PublishAsync(Topics.Command("test-a"), Encoding.UTF8.GetBytes("forged"), MqttQos.AtLeastOnce);
        await lockerA.DoorAsync(1, DoorStates.Closed); // the barrier

        var seen = await UntilAsync(gateway, m => m.Topic == Topics.Event("test-a"));
        Assert.DoesNotContain(seen, m => m.Payload.Span.SequenceEqual("forged"u8));
    }

    [Fact]
    public async Task ProvisionedLocker_ReceivesNoOtherLockersCommands()
    {
        var gateway = await GatewayUserAsync();
        var lockerA = await ProvisionAndConnectAsync("test-a");
        await Provision("test-b");
        (await lockerA.Client.SubscribeAsync(Topics.Command("test-b"))).EnsureGranted(); // Mosquitto's acl_file grants, then filters
        (await lockerA.Client.SubscribeAsync("lockers/v1/#")).EnsureGranted();

        await gateway.PublishAsync(Topics.Command("test-b"), Encoding.UTF8.GetBytes("for-b"), MqttQos.AtLeastOnce);
        await gateway.PublishAsync(Topics.Command("test-a"), Encoding.UTF8.GetBytes("for-a"), MqttQos.AtLeastOnce); // the barrier

        var seen = await UntilAsync(lockerA.Client, m => m.Topic == Topics.Command("test-a"));
        Assert.DoesNotContain(seen, m => m.Topic.Contains("test-b", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CertificateFromAnotherCa_IsRefusedByTheBroker()
    {
        _broker.Broker.Options.AllowedErrors.Add("OpenSSL");
        await Provision("test-a");
        using var strangers = await Lockers.Testing.Mosquitto.TestCertificates.CreateAsync(Path.Combine(_gateway.DataDirectory, "strangers"));
        var options = _broker.ClientOptions("test-a", TestIds.ClientId(role: "locker"));
        options.Tls!.ClientCertificate = strangers.ClientCertificate("test-a");
        options.AutoReconnect = false;
        await using var client = new MqttClient(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Null(error.ReturnCode); // the TLS handshake failed: no CONNACK at all
    }

    private Task<ProvisionedLocker> Provision(string lockerId) =>
        _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, lockerId,
            RepositoryRoot.DevKitBoard, _broker.Broker.Host, _broker.Port, Path.Combine(_gateway.DataDirectory, lockerId)), "test");

    private async Task<MqttTestLocker> ProvisionAndConnectAsync(string lockerId)
    {
        var locker = await MqttTestLocker.ConnectAsync((await Provision(lockerId)).ConfigPath, _gateway.Time);
        _clients.Add(locker);
        return locker;
    }

    private async Task<MqttClient> GatewayUserAsync()
    {
        var client = new MqttClient(_broker.ClientOptions(LockerBroker.GatewayUser, TestIds.ClientId(role: "gateway")));
        _clients.Add(client);
        await client.ConnectAsync();
        (await client.SubscribeAsync("lockers/v1/#")).EnsureGranted();
        return client;
    }

    private static async Task<MqttApplicationMessage> NextAsync(MqttClient client, Func<MqttApplicationMessage, bool> match) =>
        (await UntilAsync(client, match))[^1];

    /// <summary>Every message up to and including the first that matches; fails after a timeout.</summary>
    private static async Task<List<MqttApplicationMessage>> UntilAsync(MqttClient client, Func<MqttApplicationMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var seen = new List<MqttApplicationMessage>();
        try
        {
            while (true)
            {
                var message = await client.Messages.ReadAsync(timeout.Token);
                seen.Add(message);
                if (match(message))
                {
                    return seen;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching message within {Timeout.TotalSeconds} s; saw {string.Join(", ", seen.Select(m => m.Topic))}");
        }
    }
}

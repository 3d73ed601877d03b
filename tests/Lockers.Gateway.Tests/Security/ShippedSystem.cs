using System.Runtime.CompilerServices;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// The gateway with its locker link on Mosquitto run from the shipped configuration (<see cref="ShippedBroker"/>: TLS only,
/// client certificates as identities, the CRL), the test site imported, and lockers provisioned on demand. It records every
/// state change of the gateway's own connection, so a test can tell whether anything knocked the gateway off.
/// </summary>
public sealed class ShippedSystem : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly List<MqttTestLocker> _lockers = new();
    private readonly List<MqttClientState> _gatewayStates = new();

    private ShippedSystem(ShippedBroker broker, GatewayFixture gateway)
    {
        Broker = broker;
        Gateway = gateway;
    }

    public ShippedBroker Broker { get; }
    public GatewayFixture Gateway { get; }
    public LockerLinkClient Link => Gateway.Factory.Service<LockerLinkClient>();

    /// <summary>Every state the gateway's connection went through since it first served.</summary>
    public IReadOnlyList<MqttClientState> GatewayStates
    {
        get
        {
            lock (_gatewayStates)
            {
                return _gatewayStates.ToList();
            }
        }
    }

    /// <param name="gatewaySettings">More gateway configuration (Section:Key), e.g. a small budget for a test.</param>
    public static async Task<ShippedSystem> StartAsync(IReadOnlyDictionary<string, string?>? gatewaySettings = null, [CallerMemberName] string test = "")
    {
        var broker = await ShippedBroker.StartAsync();
        // Rogue handshakes (plain text, revoked certificates) are refused by OpenSSL, which the broker logs as errors.
        broker.AllowedErrors.Add("OpenSSL");
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(test, "gateway")).Concat(gatewaySettings ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var system = new ShippedSystem(broker, new GatewayFixture(settings));
        await system.Gateway.ImportTestSiteAsync();
        await Wait.UntilAsync(() => system.Link.IsServing, Timeout, "the gateway's locker link to connect and subscribe");
        system.Link.Client.StateChanged += (_, change) =>
        {
            lock (system._gatewayStates)
            {
                system._gatewayStates.Add(change.State);
            }
        };
        return system;
    }

    public Task<ProvisionedLocker> ProvisionAsync(string lockerId) =>
        Gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, lockerId,
            RepositoryRoot.DevKitBoard, Broker.Host, Broker.Port, Path.Combine(Gateway.DataDirectory, "provisioned", lockerId)), "test");

    /// <summary>Provisions <paramref name="lockerId"/> and connects it (with the files provisioning wrote) as the real locker.</summary>
    public async Task<MqttTestLocker> ProvisionAndConnectAsync(string lockerId)
    {
        var provisioned = await ProvisionAsync(lockerId);
        var locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, Gateway.Time);
        _lockers.Add(locker);
        return locker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var locker in _lockers)
        {
            await locker.DisposeAsync();
        }

        Gateway.Dispose();
        await Broker.DisposeAsync();
    }
}

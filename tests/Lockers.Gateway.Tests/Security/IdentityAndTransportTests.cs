using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Store;
using Lockers.Mqtt.Client;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, findings 1 and 6, tried as an attacker would against the shipped broker configuration: a rogue client
/// (MQTTnet) with one locker's stolen files, or with nothing and no TLS. Each test failed against the configuration
/// shipped before (plain listener, password logins, use_username_as_clientid off): there a locker's credentials took over
/// the gateway's and other lockers' sessions, revocation did not exist, and plain text was the only transport.
/// </summary>
public sealed class IdentityAndTransportTests
{
    private static readonly TimeSpan Timeout = ShippedSystem.Timeout;

    [Fact]
    public async Task StolenLockerCertificate_UnderTheGatewaysOrAnotherLockersClientId_DropsNeitherOfThem()
    {
        await using var system = await ShippedSystem.StartAsync();
        var lockerA = await system.ProvisionAndConnectAsync("test-a");
        var stolenB = Path.GetDirectoryName((await system.ProvisionAsync("test-b")).ConfigPath)!;
        var handled = system.Gateway.Factory.Service<LinkCounters>().Handled;

        await using var asGateway = await RogueLocker.ConnectWithStolenFilesAsync(stolenB, system.Broker.Host, system.Broker.Port, "gateway");
        await using var asLockerA = await RogueLocker.ConnectWithStolenFilesAsync(stolenB, system.Broker.Host, system.Broker.Port, "test-a");
        await asLockerA.SubscribeAsync("lockers/v1/#");
        await lockerA.DoorAsync(1, DoorStates.Closed);

        // The real locker's event still reaches the gateway on the connections both had before the rogue came.
        await Wait.UntilAsync(() => system.Gateway.Factory.Service<LinkCounters>().Handled > handled, Timeout,
            "the gateway to apply the real locker's event");
        Assert.DoesNotContain(MqttClientState.Disconnected, system.GatewayStates);
        Assert.Equal(1, lockerA.Connections);
        Assert.Equal(MqttClientState.Connected, lockerA.Client.State);
        // The broker gave the rogue its certificate's identity, whatever id it asked for.
        Assert.DoesNotContain("Client gateway already connected", system.Broker.Log);
        Assert.DoesNotContain("Client test-a already connected", system.Broker.Log);
        Assert.Contains(" as test-b (", system.Broker.Log);
        Assert.DoesNotContain(asLockerA.Received, topic => topic.Contains("test-a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokedLocker_IsPushedOffAndCannotConnectAgain_UntilProvisionedAnew()
    {
        await using var system = await ShippedSystem.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var folder = Path.Combine(system.Gateway.DataDirectory, "provisioned", "test-a");

        var revoked = await system.Gateway.Factory.Service<LockerRevoker>().RevokeAsync("test-a", "test");

        Assert.Single(revoked.RevokedSerials);
        Assert.True(revoked.CrlWritten && revoked.BrokerReloaded, $"crl written {revoked.CrlWritten}, reloaded {revoked.BrokerReloaded}");
        Assert.StartsWith("evicted", revoked.Eviction);
        // Its live connection is gone, and its reconnects fail the handshake: it stays off.
        await Wait.UntilAsync(() => locker.Client.State != MqttClientState.Connected, Timeout, "the revoked locker's connection to end");
        var error = await Record.ExceptionAsync(() => RogueLocker.ConnectWithStolenFilesAsync(folder, system.Broker.Host, system.Broker.Port, "test-a"));
        Assert.NotNull(error);
        Assert.NotEqual(MqttClientState.Connected, locker.Client.State);
        var audit = await system.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(5));
        Assert.Contains(audit, entry => entry.Action == AuditActions.LockerRevoked && entry.LockerId == "test-a");

        // Provisioned again, the locker (a replacement controller) gets in with its new certificate.
        await using var replaced = await RogueLocker.ConnectWithStolenFilesAsync(
            Path.GetDirectoryName((await system.ProvisionAsync("test-a")).ConfigPath)!, system.Broker.Host, system.Broker.Port, "test-a");
        Assert.True(replaced.IsConnected);
    }

    [Fact]
    public async Task CopiedCertificate_TakingTheLockersSessionAgainAndAgain_RaisesTheSessionTakeoverAlarm()
    {
        await using var system = await ShippedSystem.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var copied = Path.Combine(system.Gateway.DataDirectory, "provisioned", "test-a");

        for (int round = 1; round <= 3; round++)
        {
            await using var rogue = await RogueLocker.ConnectWithStolenFilesAsync(copied, system.Broker.Host, system.Broker.Port, "anything");
            // Knocked off, the real locker reconnects (taking the session back) and says "online" again.
            var expected = round + 1;
            await Wait.UntilAsync(() => locker.Connections >= expected && locker.Client.State == MqttClientState.Connected, Timeout,
                $"the real locker to reconnect after takeover {round}");
        }

        await Wait.UntilAsync(async () => (await OpenAlarmsAsync(system)).Contains(AlarmKinds.SessionTakeover), Timeout,
            "the session_takeover alarm");
        Assert.Contains("Client test-a already connected, closing old connection", system.Broker.Log);
    }

    [Fact]
    public async Task PlainText_IsRefusedOnTheNetworkListener_WhereTlsWithACertificateGetsIn()
    {
        await using var system = await ShippedSystem.StartAsync();
        var provisioned = await system.ProvisionAsync("test-a");

        var plain = await Record.ExceptionAsync(() => RogueLocker.ConnectPlainAsync(system.Broker.Host, system.Broker.Port, "test-a"));
        await using var withCertificate = await RogueLocker.ConnectWithStolenFilesAsync(
            Path.GetDirectoryName(provisioned.ConfigPath)!, system.Broker.Host, system.Broker.Port, "test-a");

        Assert.NotNull(plain);
        Assert.True(withCertificate.IsConnected);
        await withCertificate.PublishAsync(Topics.Event("test-a"), Encoding.UTF8.GetBytes("{}"));
    }

    private static async Task<IReadOnlyList<string>> OpenAlarmsAsync(ShippedSystem system) =>
        (await system.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", true, 100)))
        .Select(alarm => alarm.Kind).ToList();
}

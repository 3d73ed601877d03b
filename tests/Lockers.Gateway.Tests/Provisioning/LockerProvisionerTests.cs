using Lockers.Core.Config;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Provisioning;

/// <summary>Provisioning without a broker's files: what is written, what is stored, and what is refused.</summary>
public sealed class LockerProvisionerTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();

    public async Task InitializeAsync() => await _gateway.ImportTestSiteAsync();

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Provision_RegisteredLocker_WritesAConfigTheLockerLoads()
    {
        var result = await ProvisionAsync("test-a");

        var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(result.ConfigPath));
        Assert.Equal(("test-a", GatewayFixture.SiteId, "devkit-4.json"), (config.LockerId, config.SiteId, config.BoardFile));
        Assert.Equal(("127.0.0.1", 1883, "test-a", result.BrokerPassword), (config.Broker.Host, config.Broker.Port, config.Broker.Username, config.Broker.Password));
        Assert.Equal(Convert.FromBase64String(result.CommandKey), config.CommandKey);
        Assert.Equal(32, config.CommandKey.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.ConfigPath));
        }
    }

    [Fact]
    public async Task Provision_RegisteredLocker_StoresThePasswordOnlyHashedAndTheKeyOnlySealed()
    {
        var result = await ProvisionAsync("test-a");

        var stored = (await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.GetCredentialsAsync("test-a")))!;
        Assert.True(BrokerPasswordHash.Verify(result.BrokerPassword, stored.BrokerPasswordHash));
        Assert.DoesNotContain(result.BrokerPassword, stored.BrokerPasswordHash);
        var key = Convert.FromBase64String(result.CommandKey);
        Assert.False(stored.SealedCommandKey.AsSpan().IndexOf(key) >= 0, "the key must not be stored in clear");
        Assert.Equal(key, _gateway.Factory.Service<CommandKeys>().Unseal("test-a", stored.SealedCommandKey));
        Assert.Equal($"test-a:{stored.BrokerPasswordHash}", result.PasswordFileLine);
        var audit = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(5));
        Assert.Contains(audit, a => a.Action == AuditActions.LockerProvisioned && a.LockerId == "test-a");
    }

    [Fact]
    public async Task Provision_Twice_GivesNewSecrets()
    {
        var first = await ProvisionAsync("test-a");
        var second = await ProvisionAsync("test-a");

        Assert.NotEqual(first.BrokerPassword, second.BrokerPassword);
        Assert.NotEqual(first.CommandKey, second.CommandKey);
    }

    [Theory]
    [InlineData("test-site", "nobody", "not registered")]
    [InlineData("other-site", "test-a", "belongs to site 'test-site'")]
    [InlineData("test-site", "gateway", "the gateway's broker user")]
    [InlineData("test-site", "a/b", "not a valid locker id")]
    public async Task Provision_WrongLocker_FailsAndWritesNothing(string site, string locker, string expected)
    {
        var output = Path.Combine(_gateway.DataDirectory, "out-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => _gateway.Factory.Service<LockerProvisioner>()
            .ProvisionAsync(new LockerProvisionRequest(site, locker, RepositoryRoot.DevKitBoard, "127.0.0.1", 1883, false, output), "test"));

        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Provision_MissingBoardFile_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ProvisioningException>(() => _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(
            new LockerProvisionRequest(GatewayFixture.SiteId, "test-a", "no-such-board.json", "127.0.0.1", 1883, false, _gateway.DataDirectory), "test"));

        Assert.Contains("no-such-board.json", error.Message);
    }

    private Task<ProvisionedLocker> ProvisionAsync(string lockerId) =>
        _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, lockerId,
            RepositoryRoot.DevKitBoard, "127.0.0.1", 1883, false, Path.Combine(_gateway.DataDirectory, "provisioned", lockerId)), "test");
}

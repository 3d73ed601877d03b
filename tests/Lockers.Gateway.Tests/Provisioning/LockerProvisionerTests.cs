using Lockers.Core.Config;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using System.Security.Cryptography.X509Certificates;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Provisioning.Pki;
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
    public async Task Provision_RegisteredLocker_WritesAConfigAndCertificateTheLockerLoads()
    {
        var result = await ProvisionAsync("test-a");

        var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(result.ConfigPath));
        Assert.Equal(("test-a", GatewayFixture.SiteId, "devkit-4.json"), (config.LockerId, config.SiteId, config.BoardFile));
        Assert.Equal(("127.0.0.1", 8883, true, "test-a", ""), (config.Broker.Host, config.Broker.Port, config.Broker.Tls, config.Broker.Username, config.Broker.Password));
        Assert.Equal(("ca.crt", "locker.crt", "locker.key"), (config.Broker.CaFile, config.Broker.CertFile, config.Broker.KeyFile));
        Assert.Equal(Convert.FromBase64String(result.CommandKey), config.CommandKey);
        var folder = Path.GetDirectoryName(result.ConfigPath)!;
        using var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(folder, "locker.crt"), Path.Combine(folder, "locker.key"));
        Assert.Equal("CN=test-a", certificate.Subject);
        Assert.Equal(result.CertificateSerial, certificate.SerialNumber);
        Assert.True(certificate.HasPrivateKey);
        Assert.Contains(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            oid => oid.Value == "1.3.6.1.5.5.7.3.2");
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, "ca.crt"));
        using var chain = new X509Chain { ChainPolicy = { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck } };
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        Assert.True(chain.Build(certificate), "the locker's certificate must chain to the CA file written beside it");
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new[] { result.ConfigPath, result.KeyPath, Path.Combine(folder, "locker.crt"), Path.Combine(folder, "ca.crt") })
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Provision_RegisteredLocker_StoresTheCertificateSerialAndTheKeyOnlySealed()
    {
        var result = await ProvisionAsync("test-a");

        var stored = (await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.GetCredentialsAsync("test-a")))!;
        Assert.Equal("x509:" + result.CertificateSerial, stored.BrokerPasswordHash);
        var key = Convert.FromBase64String(result.CommandKey);
        Assert.False(stored.SealedCommandKey.AsSpan().IndexOf(key) >= 0, "the key must not be stored in clear");
        Assert.Equal(key, _gateway.Factory.Service<CommandKeys>().Unseal("test-a", stored.SealedCommandKey));
        var audit = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(5));
        Assert.Contains(audit, a => a.Action == AuditActions.LockerProvisioned && a.LockerId == "test-a" && a.Detail!.Contains(result.CertificateSerial));
    }

    [Fact]
    public async Task Provision_Twice_GivesNewSecrets_AndRevokesTheEarlierCertificate()
    {
        var first = await ProvisionAsync("test-a");
        var second = await ProvisionAsync("test-a");

        Assert.NotEqual(first.CertificateSerial, second.CertificateSerial);
        Assert.NotEqual(first.CommandKey, second.CommandKey);
        Assert.Equal([first.CertificateSerial], second.RevokedSerials);
        using var ca = DeploymentCa.Open(_gateway.PkiDirectory);
        Assert.Contains(first.CertificateSerial, ca.RevokedSerials());
        Assert.DoesNotContain(second.CertificateSerial, ca.RevokedSerials());
    }

    [Fact]
    public async Task Provision_WithoutADeploymentCa_FailsSayingHowToMakeOne()
    {
        using var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Pki:Directory"] = Path.Combine(_gateway.DataDirectory, "no-ca") });
        await gateway.ImportTestSiteAsync();

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(
            new LockerProvisionRequest(GatewayFixture.SiteId, "test-a", RepositoryRoot.DevKitBoard, "127.0.0.1", 8883, Path.Combine(gateway.DataDirectory, "out")), "test"));

        Assert.Contains("ca init", error.Message);
        Assert.False(Directory.Exists(Path.Combine(gateway.DataDirectory, "out")));
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
            .ProvisionAsync(new LockerProvisionRequest(site, locker, RepositoryRoot.DevKitBoard, "127.0.0.1", 8883, output), "test"));

        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Provision_MissingBoardFile_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ProvisioningException>(() => _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(
            new LockerProvisionRequest(GatewayFixture.SiteId, "test-a", "no-such-board.json", "127.0.0.1", 8883, _gateway.DataDirectory), "test"));

        Assert.Contains("no-such-board.json", error.Message);
    }

    private Task<ProvisionedLocker> ProvisionAsync(string lockerId) =>
        _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, lockerId,
            RepositoryRoot.DevKitBoard, "127.0.0.1", 8883, Path.Combine(_gateway.DataDirectory, "provisioned", lockerId)), "test");
}

using System.Security.Cryptography.X509Certificates;
using Lockers.Simulator.Locker;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Locker;

public sealed class FleetCertificatesTests : IAsyncLifetime
{
    /// <summary>An hour after the test CA was made (its validity starts five minutes before that).</summary>
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddHours(1);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lockers-fleet-ca-" + Guid.NewGuid().ToString("N")[..8]);
    private TestCertificates _pki = null!;

    public async Task InitializeAsync() => _pki = await TestCertificates.CreateAsync(_directory);

    public Task DisposeAsync()
    {
        _pki.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Issue_TwoLockers_EachGetsAClientCertificateInItsOwnNameThatChainsToTheCa()
    {
        using var certificates = FleetCertificates.Open(_directory, new FakeTimeProvider(Now));

        var (first, firstKey) = certificates.Issue("sim-00001");
        var (second, _) = certificates.Issue("sim-00002");

        using var one = X509Certificate2.CreateFromPem(first, firstKey);
        using var two = X509Certificate2.CreateFromPem(second);
        Assert.Equal("CN=sim-00001", one.Subject);
        Assert.Equal("CN=sim-00002", two.Subject);
        Assert.NotEqual(one.GetPublicKeyString(), two.GetPublicKeyString());
        Assert.True(one.HasPrivateKey);
        var usage = Assert.Single(one.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal("1.3.6.1.5.5.7.3.2", Assert.Single(usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()).Value); // clientAuth
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_pki.CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        Assert.True(chain.Build(one), string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
        Assert.Equal(_pki.CaCertificate.ExportCertificatePem(), certificates.CaCertificatePem);
    }

    [Fact]
    public void Issue_IsValidForItsLifetimeFromTheClock_WithFiveMinutesOfSlackBefore()
    {
        using var certificates = FleetCertificates.Open(_directory, new FakeTimeProvider(Now), TimeSpan.FromHours(12));

        using var certificate = X509Certificate2.CreateFromPem(certificates.Issue("sim-00001").CertificatePem);

        // X.509 keeps whole seconds.
        Assert.Equal(Now.AddHours(12).ToUnixTimeSeconds(), new DateTimeOffset(certificate.NotAfter).ToUnixTimeSeconds());
        Assert.Equal(Now.AddMinutes(-5).ToUnixTimeSeconds(), new DateTimeOffset(certificate.NotBefore).ToUnixTimeSeconds());
    }

    [Fact]
    public void Issue_LifetimeBeyondTheCa_EndsWithTheCa()
    {
        // The test CA lives two days, less than the default week.
        using var certificates = FleetCertificates.Open(_directory, new FakeTimeProvider(Now));

        using var certificate = X509Certificate2.CreateFromPem(certificates.Issue("sim-00001").CertificatePem);

        Assert.Equal(_pki.CaCertificate.NotAfter, certificate.NotAfter);
    }

    [Fact]
    public void Open_ACertificateThatIsNotACa_IsRefused()
    {
        var folder = Path.Combine(_directory, "not-a-ca");
        Directory.CreateDirectory(folder);
        File.Copy(_pki.ServerCertificatePath, Path.Combine(folder, "ca.crt"));
        File.Copy(_pki.ServerKeyPath, Path.Combine(folder, "ca.key"));

        var error = Assert.Throws<ArgumentException>(() => FleetCertificates.Open(folder));

        Assert.Contains("not a CA certificate", error.Message);
    }
}

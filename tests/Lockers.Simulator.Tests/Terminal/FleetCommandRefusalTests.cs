using Lockers.Core.Config;
using Lockers.Simulator.Terminal;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Terminal;

/// <summary>
/// What the <c>fleet</c> command refuses, and that it refuses before writing or starting anything: no broker is running, and
/// a refusal that came too late would show as a storage folder on disk or as a command that ran until cancelled.
/// </summary>
public sealed class FleetCommandRefusalTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lockers-fleet-refused-" + Guid.NewGuid().ToString("N")[..8]);

    private string Storage => Path.Combine(_root, "storage");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task NoCertificates_IsRefusedAsPlainText_NamingTheTlsOptions()
    {
        var error = await RefusedAsync("--count", "2", "--broker", "127.0.0.1:1883");

        Assert.Contains("--ca-dir", error.Message);
        Assert.Contains("--lockers", error.Message);
        Assert.Contains("--transport plain", error.Message);
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("broker.example.net")]
    [InlineData("0.0.0.0")]
    public async Task PlainTransportToAnotherHost_IsRefused(string host)
    {
        var error = await RefusedAsync("--transport", "plain", "--count", "1", "--broker", host + ":1883");

        Assert.Contains("only to a broker on this host", error.Message);
        Assert.Contains(host, error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("localhost.example.net", false)]
    public void IsLoopback_OnlyAddressesOfThisHost(string host, bool loopback) =>
        Assert.Equal(loopback, FleetSource.IsLoopback(host));

    [Theory]
    [InlineData("--password", "secret")]
    [InlineData("--user", "sim")]
    [InlineData("--lockerz", "typo")]
    public async Task CaFolder_WithAnOptionThatDoesNotApply_IsRefusedNamingIt(string name, string value)
    {
        using var pki = await TestCertificates.CreateAsync(Path.Combine(_root, "ca"));

        var error = await RefusedAsync("--ca-dir", pki.Directory, "--count", "1", "--broker", "127.0.0.1:8883", name, value);

        Assert.Contains(name + " does not apply", error.Message);
    }

    [Fact]
    public async Task CaFolderWithoutItsKey_IsRefusedNamingTheFile()
    {
        using var pki = await TestCertificates.CreateAsync(Path.Combine(_root, "ca"));
        File.Delete(pki.CaKeyPath);

        var error = await RefusedAsync("--ca-dir", pki.Directory, "--count", "1", "--broker", "127.0.0.1:8883");

        Assert.Contains("no ca.key", error.Message);
    }

    [Fact]
    public async Task CaFolderWithAnotherCasKey_IsRefused()
    {
        using var pki = await TestCertificates.CreateAsync(Path.Combine(_root, "ca"));
        File.Copy(pki.ServerKeyPath, pki.CaKeyPath, overwrite: true);

        var error = await RefusedAsync("--ca-dir", pki.Directory, "--count", "1", "--broker", "127.0.0.1:8883");

        Assert.Contains("cannot be read", error.Message);
    }

    [Fact]
    public async Task LockersFolderWithoutLockers_IsRefusedSayingWhatItExpects()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lockers", "empty"));

        var error = await RefusedAsync("--lockers", Path.Combine(_root, "lockers"));

        Assert.Contains("no provisioned lockers", error.Message);
        Assert.Contains("locker provision --out", error.Message);
    }

    [Fact]
    public async Task LockersFolderWithAPlainTextLocker_IsRefusedNamingIt()
    {
        var folder = Path.Combine(_root, "lockers", "old-1");
        Directory.CreateDirectory(folder);
        var config = new DeviceConfig("old-1", "site", new BrokerSettings("127.0.0.1", 1883, false, "old-1", "password"), new byte[32],
            "devkit-4.json", 60, 300, "old-1-kp", "old-1-qr", null);
        await File.WriteAllTextAsync(Path.Combine(folder, "locker.json"), DeviceConfigWriter.ToJson(config));

        var error = await RefusedAsync("--lockers", Path.Combine(_root, "lockers"));

        Assert.Contains("'old-1'", error.Message);
        Assert.Contains("not provisioned for TLS", error.Message);
    }

    [Fact]
    public async Task LockersFolderWithOptionsOfMadeUpLockers_IsRefused()
    {
        var error = await RefusedAsync("--lockers", Path.Combine(_root, "lockers"), "--count", "5");

        Assert.Contains("--count does not apply", error.Message);
    }

    /// <summary>
    /// Runs the command, which must throw at once; the token only ends a command that wrongly started (then the test fails
    /// because nothing was thrown).
    /// </summary>
    private async Task<ArgumentException> RefusedAsync(params string[] args)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = CommandLine.Parse([.. args, "--storage", Storage, "--board", RepositoryRoot.DevKitBoard]);
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => FleetCommand.RunAsync(options, TextWriter.Null, stop.Token));
        Assert.False(Directory.Exists(Storage), "a refused fleet wrote locker folders");
        return error;
    }
}

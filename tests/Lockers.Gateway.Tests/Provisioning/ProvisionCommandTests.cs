using Lockers.Gateway.CommandLine;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Provisioning;

/// <summary>The <c>locker provision</c> subcommand: exit codes and what it prints.</summary>
public sealed class ProvisionCommandTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public async Task InitializeAsync() => await _gateway.ImportTestSiteAsync();

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_RegisteredLocker_PrintsTheCommandKeyOnceAndTheCertificate()
    {
        var exit = await RunAsync("test-a");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        var key = Line(text, "command key:");
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Single(text.Split(key).Skip(1));
        Assert.Contains("broker identity: test-a (certificate ", text);
        Assert.Contains("shown once", text);
        Assert.DoesNotContain("PRIVATE KEY", text);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task Revoke_ProvisionedLocker_PutsItsCertificateOnTheListAndSaysWhatItDidToTheBroker()
    {
        await RunAsync("test-a");
        var serial = Line(_output.ToString(), "broker identity:").Split("certificate ")[1].Split(',')[0];

        var exit = await GatewayCommandLine.RunAsync(_gateway.Factory.Services, ["locker", "revoke", "--locker", "test-a"], _output, _error);

        Assert.Equal(0, exit);
        Assert.Contains($"revoked:      {serial}", _output.ToString());
        Assert.Contains("skipped: LockerLink is not enabled", _output.ToString());
        using var ca = Lockers.Gateway.Provisioning.Pki.DeploymentCa.Open(_gateway.PkiDirectory);
        Assert.Contains(serial, ca.RevokedSerials());
    }

    [Fact]
    public async Task Revoke_NeverProvisionedLocker_ExitsWithOneAndSaysWhy()
    {
        var exit = await GatewayCommandLine.RunAsync(_gateway.Factory.Services, ["locker", "revoke", "--locker", "test-b"], _output, _error);

        Assert.Equal(1, exit);
        Assert.Contains("never issued a certificate to 'test-b'", _error.ToString());
    }

    [Fact]
    public async Task CaCommands_InitThenBrokerAndGatewayCertificates_WriteTheFilesTheBrokerAndLinkNeed()
    {
        var pki = Path.Combine(_gateway.DataDirectory, "ca2");
        using var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Pki:Directory"] = pki });
        var tls = Path.Combine(gateway.DataDirectory, "broker-tls");

        Assert.Equal(0, await GatewayCommandLine.RunAsync(gateway.Factory.Services, ["ca", "init"], _output, _error));
        Assert.Equal(1, await GatewayCommandLine.RunAsync(gateway.Factory.Services, ["ca", "init"], _output, _error));
        Assert.Equal(0, await GatewayCommandLine.RunAsync(gateway.Factory.Services,
            ["ca", "broker", "--host", "broker.example.net", "--host", "192.0.2.10", "--out", tls], _output, _error));
        Assert.Equal(0, await GatewayCommandLine.RunAsync(gateway.Factory.Services, ["ca", "gateway", "--out", tls], _output, _error));

        Assert.Contains("already exists", _error.ToString());
        using var server = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(
            Path.Combine(tls, "server.crt"), Path.Combine(tls, "server.key"));
        Assert.True(server.MatchesHostname("broker.example.net"));
        Assert.True(server.MatchesHostname("192.0.2.10"));
        using var client = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(Path.Combine(tls, "gateway.crt"));
        Assert.Equal("CN=gateway", client.Subject);
        Assert.True(File.Exists(Path.Combine(tls, "crl.pem")) && File.Exists(Path.Combine(tls, "ca.crt")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(pki, "ca.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(tls, "server.key")));
        }
    }

    [Fact]
    public async Task Run_UnknownLocker_ExitsWithOneAndSaysWhy()
    {
        var exit = await RunAsync("nobody");

        Assert.Equal(1, exit);
        Assert.Contains("not registered", _error.ToString());
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Run_MissingOptions_ExitsWithTwoAndShowsUsage()
    {
        var exit = await ProvisionCommand.RunAsync(_gateway.Factory.Services, ["--locker", "test-a"], _output, _error);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", _error.ToString());
    }

    [Fact]
    public async Task GatewayCommandLine_LockerProvision_RunsTheSubcommand()
    {
        string[] args = ["locker", "provision", "--site", GatewayFixture.SiteId, "--locker", "test-a", "--board", RepositoryRoot.DevKitBoard,
            "--broker-host", "127.0.0.1", "--out", Path.Combine(_gateway.DataDirectory, "cli")];

        var exit = await GatewayCommandLine.RunAsync(_gateway.Factory.Services, args, _output, _error);

        Assert.True(GatewayCommandLine.IsCommand(args));
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_gateway.DataDirectory, "cli", LockerProvisioner.ConfigFileName)));
    }

    private Task<int> RunAsync(string lockerId) => ProvisionCommand.RunAsync(_gateway.Factory.Services,
        ["--site", GatewayFixture.SiteId, "--locker", lockerId, "--board", RepositoryRoot.DevKitBoard, "--broker-host", "127.0.0.1",
            "--out", Path.Combine(_gateway.DataDirectory, "out")], _output, _error);

    private static string Line(string text, string label) =>
        text.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();
}

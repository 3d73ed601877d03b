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
    public async Task Run_RegisteredLocker_PrintsTheSecretsOnceAndTheLineForThePasswordFile()
    {
        var exit = await RunAsync("test-a");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        var password = Line(text, "broker password:");
        Assert.Equal(32, password.Length);
        Assert.Single(text.Split(password).Skip(1));
        Assert.Contains("test-a:$7$101$", text);
        Assert.Contains("shown once", text);
        Assert.Empty(_error.ToString());
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

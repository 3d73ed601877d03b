using System.Diagnostics;
using Lockers.Core.Protocol;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Gateway.Tests.Provisioning;

/// <summary>
/// The broker configuration the project ships (broker/mosquitto.conf and broker/aclfile), run as shipped
/// with only its placeholders and port filled in, and provisioning pointed at its files: a new locker gets in
/// without restarting the broker.
/// </summary>
public sealed class ShippedBrokerConfigTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ShippedConfig_ProvisionedLocker_ConnectsAfterReload_AndReachesTheGateway()
    {
        using var state = new TempDirectory();
        var port = FreeTcpPort.Find();
        await WriteShippedConfigAsync(state, port);
        // A fresh broker has no password file: provisioning the gateway user first also covers "mosquitto_passwd -c".
        await MosquittoPasswordFile.SetUserAsync("mosquitto_passwd", state.File("passwd"), LockerBroker.GatewayUser, LockerBroker.GatewayPassword);
        using var broker = StartMosquitto(state.File("mosquitto.conf"));
        try
        {
            await Wait.UntilAsync(async () => File.Exists(state.File("mosquitto.pid")) && await FreeTcpPort.AcceptsConnectionsAsync(port),
                Timeout, "the shipped broker configuration to start");
            using var gateway = new GatewayFixture(new Dictionary<string, string?>
            {
                ["Provisioning:PasswordFile"] = state.File("passwd"),
                ["Provisioning:AclFile"] = state.File("aclfile"),
                ["Provisioning:PidFile"] = state.File("mosquitto.pid"),
            });
            await gateway.ImportTestSiteAsync();
            await using var listener = await GatewayUserAsync(port);

            var provisioned = await gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(
                GatewayFixture.SiteId, "test-a", RepositoryRoot.DevKitBoard, "127.0.0.1", port, false, state.File("test-a")), "test");
            await using var locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, gateway.Time);
            await locker.DoorAsync(2, DoorStates.Closed);

            Assert.Equal(Topics.Event("test-a"), (await NextEventAsync(listener)).Topic);
            Assert.True(provisioned.BrokerReloaded);
        }
        finally
        {
            broker.Kill();
            await broker.WaitForExitAsync().WaitAsync(Timeout);
        }

        var log = await File.ReadAllTextAsync(state.File("mosquitto.log"));
        Assert.DoesNotContain("Error:", log);
    }

    private static Process StartMosquitto(string configPath)
    {
        var start = new ProcessStartInfo(MosquittoBinary.Find()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configPath);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    private static async Task WriteShippedConfigAsync(TempDirectory state, int port)
    {
        Directory.CreateDirectory(state.File("data"));
        File.Copy(RepositoryRoot.File("broker", "aclfile"), state.File("aclfile"));
        var config = (await File.ReadAllTextAsync(RepositoryRoot.File("broker", "mosquitto.conf")))
            .Replace("@STATE_DIR@", state.Path, StringComparison.Ordinal)
            .Replace("@BIND_ADDRESS@", "127.0.0.1", StringComparison.Ordinal)
            .Replace("listener 1883 ", $"listener {port} ", StringComparison.Ordinal);
        // Started as root (CI containers), Mosquitto would switch to the 'mosquitto' user, who cannot read a root temp dir.
        if (Environment.UserName == "root")
        {
            config += "\nuser root\n";
        }

        await File.WriteAllTextAsync(state.File("mosquitto.conf"), config);
    }

    private static async Task<MqttClient> GatewayUserAsync(int port)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1", Port = port, ClientId = TestIds.ClientId(role: "gateway"),
            UserName = LockerBroker.GatewayUser, Password = LockerBroker.GatewayPassword,
        });
        await client.ConnectAsync();
        (await client.SubscribeAsync(Topics.AllLockers(Channels.Event))).EnsureGranted();
        return client;
    }
}

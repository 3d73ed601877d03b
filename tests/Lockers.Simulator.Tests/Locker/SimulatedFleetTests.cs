using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Simulator.Locker;
using Lockers.Simulator.Tests.Support;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Locker;

public sealed class SimulatedFleetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Fleet_ThreeLockers_AllConnectAndEachObeysOnlyItsOwnKey()
    {
        var options = new SimulatedFleetOptions
        {
            Count = 3,
            IdPrefix = "fleet" + Guid.NewGuid().ToString("N")[..6] + "-",
            Board = RepoFiles.Board(),
            StorageRoot = Path.Combine(Path.GetTempPath(), "lockers-fleet-test-" + Guid.NewGuid().ToString("N")[..8]),
        };
        // As a site: TLS, each locker's client certificate (common name = its id) is its identity.
        var brokerOptions = new MosquittoBrokerOptions
        {
            RequireClientCertificate = true,
            AclLines = ["pattern readwrite lockers/v1/%u/#", "user " + MosquittoBrokerOptions.DefaultUser, "topic readwrite #"],
        };
        await using var broker = await MosquittoBroker.StartNewAsync(brokerOptions);
        options.BrokerHost = broker.Host;
        options.BrokerPort = broker.Port;
        options.CaCertificatePem = await File.ReadAllTextAsync(broker.Certificates!.CaCertificatePath);
        options.ClientCertificates = id =>
        {
            var certificate = broker.Certificates.ClientCertificate(id);
            return (certificate.ExportCertificatePem(), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        };
        string second = SimulatedFleet.IdFor(options, 2);
        await using var gateway = await GatewayProbe.ConnectAsync(broker, second, TestIds.ClientId(role: "gateway"));
        try
        {
            await using var fleet = SimulatedFleet.Create(options);
            await fleet.StartAsync();
            await Wait.UntilAsync(() => fleet.ConnectedCount == 3, Timeout, "three connected lockers");
            Assert.True(File.Exists(Path.Combine(options.StorageRoot, second, "locker.json")));
            long expires = UnixTime.ToUnixSeconds(DateTime.UtcNow) + 60;
            var forOther = new CommandSigner(SimulatedFleet.KeyFor(options.KeySeed, SimulatedFleet.IdFor(options, 1)));
            var forSecond = new CommandSigner(SimulatedFleet.KeyFor(options.KeySeed, second));

            await gateway.PublishCommandAsync(forOther.SignToJson(SignedCommand.Unlock(second, "wrong-key", 1, expires, 1)));
            await gateway.PublishCommandAsync(forSecond.SignToJson(SignedCommand.Unlock(second, "right-key", 2, expires, 1)));

            Assert.Equal(RefusalReasons.BadSignature, (await gateway.WaitForResultAsync("wrong-key")).Reason);
            Assert.Equal(CommandResults.Ok, (await gateway.WaitForResultAsync("right-key")).Result);
            Assert.True(fleet.Lockers[1].Cabinet[1].IsOpen);
            Assert.False(fleet.Lockers[0].Cabinet[1].IsOpen);
        }
        finally
        {
            Directory.Delete(options.StorageRoot, recursive: true);
        }
    }
}

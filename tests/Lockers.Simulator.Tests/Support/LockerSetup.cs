using System.Security.Cryptography;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Simulator.Locker;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Support;

/// <summary>Broker options, device config and command signing for one simulated locker in an integration test.</summary>
internal sealed class LockerSetup
{
    private long _counter;

    public LockerSetup(string lockerId)
    {
        LockerId = lockerId;
        Key = RandomNumberGenerator.GetBytes(32);
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Signer = new CommandSigner(Key);
        StorageDirectory = Path.Combine(Path.GetTempPath(), "lockers-sim-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string LockerId { get; }
    public byte[] Key { get; }
    public string Password { get; }
    public CommandSigner Signer { get; }
    public string StorageDirectory { get; }

    /// <summary>
    /// As the project's broker config: TLS with client certificates as identities, and the ACL that confines the locker
    /// (its certificate's identity) to its topics; "test" may do anything.
    /// </summary>
    public MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions
        {
            RequireClientCertificate = true,
            AclLines = new List<string>
            {
                "user " + MosquittoBrokerOptions.DefaultUser,
                "topic readwrite #",
                "pattern read lockers/v1/%u/cmd",
                "pattern read lockers/v1/%u/ack",
                "pattern write lockers/v1/%u/status",
                "pattern write lockers/v1/%u/event",
                "pattern write lockers/v1/%u/telemetry",
                "pattern write lockers/v1/%u/cmd/result",
            },
        };
        options.Users[LockerId] = Password;
        return options;
    }

    /// <summary>The folder of the locker's device config and TLS files (ca.crt, locker.crt, locker.key), as provisioning writes them.</summary>
    public string ConfigDirectory => Path.Combine(StorageDirectory, "config");

    public SimulatedLocker CreateLocker(MosquittoBroker broker) =>
        new(Config(broker), RepoFiles.Board(), Path.Combine(StorageDirectory, "flash"), configDirectory: ConfigDirectory);

    /// <summary>The device config for <paramref name="broker"/>: its TLS files from the broker's test CA when it speaks TLS.</summary>
    public DeviceConfig Config(MosquittoBroker broker)
    {
        var tls = broker.Certificates is { } pki;
        var withCertificate = tls && broker.Options.RequireClientCertificate;
        if (broker.Certificates is { } certificates)
        {
            Directory.CreateDirectory(ConfigDirectory);
            File.Copy(certificates.CaCertificatePath, Path.Combine(ConfigDirectory, "ca.crt"), overwrite: true);
            if (withCertificate)
            {
                certificates.WriteClientCertificateAsync(LockerId, ConfigDirectory, "locker").GetAwaiter().GetResult();
            }
        }

        var config = new DeviceConfig(
            LockerId, "test-site",
            new BrokerSettings(broker.Host, broker.Port, tls, LockerId, withCertificate ? "" : Password,
                tls ? "ca.crt" : "", withCertificate ? "locker.crt" : "", withCertificate ? "locker.key" : ""),
            Key, "devkit-4.json", heartbeatS: 5, telemetryS: 60, keypadId: LockerId + "-kp", scannerId: LockerId + "-qr", wifi: null);
        config.Validate();
        return config;
    }

    /// <summary>A signed unlock with the next counter, valid for two minutes.</summary>
    public byte[] SignedUnlock(int compartment, string commandId)
    {
        long expires = UnixTime.ToUnixSeconds(DateTime.UtcNow) + 120;
        return Signer.SignToJson(SignedCommand.Unlock(LockerId, commandId, ++_counter, expires, compartment));
    }

    /// <summary>The gateway's signed ack: every event of <paramref name="epoch"/> through <paramref name="seq"/> applied.</summary>
    public byte[] SignedAck(string epoch, long seq) =>
        new Lockers.Core.Acks.AckSigner(Key).Sign(LockerId, new AckPayload { Epoch = epoch, Seq = seq }).ToJson();

    public void DeleteStorage()
    {
        if (Directory.Exists(StorageDirectory))
        {
            Directory.Delete(StorageDirectory, recursive: true);
        }
    }
}

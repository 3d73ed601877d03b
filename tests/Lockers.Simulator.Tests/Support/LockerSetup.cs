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

    /// <summary>The locker's own user and the ACL that confines it to its topics (as the project's broker config does); "test" may do anything.</summary>
    public MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions
        {
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

    public SimulatedLocker CreateLocker(MosquittoBroker broker) =>
        new(Config(broker), RepoFiles.Board(), StorageDirectory);

    public DeviceConfig Config(MosquittoBroker broker)
    {
        var config = new DeviceConfig(
            LockerId, "test-site", new BrokerSettings(broker.Host, broker.Port, false, LockerId, Password), Key,
            "devkit-4.json", heartbeatS: 5, telemetryS: 60, keypadId: LockerId + "-kp", scannerId: LockerId + "-qr", wifi: null);
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

using System.Security.Cryptography;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Testing.Mosquitto;

namespace Lockers.Controller.Linux.Tests.Support;

/// <summary>
/// /etc/lockers for one test: locker.json as the gateway's provisioning writes it, the Pi board file next to it,
/// for TLS the broker's CA and the locker's client certificate and key next to it (ca.crt, locker.crt, locker.key, as
/// <c>locker provision</c> names them), and a storage folder; plus the locker's key to sign commands with.
/// </summary>
internal sealed class ControllerFolder : IDisposable
{
    private long _counter;

    public ControllerFolder()
    {
        Directory = Path.Combine(Path.GetTempPath(), "lockers-linux-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        LockerId = "pi-" + Guid.NewGuid().ToString("N")[..8];
        Key = RandomNumberGenerator.GetBytes(32);
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Signer = new CommandSigner(Key);
    }

    public string Directory { get; }
    public string LockerId { get; }
    public byte[] Key { get; }
    public string Password { get; }
    public CommandSigner Signer { get; }
    public string ConfigPath => Path.Combine(Directory, "locker.json");
    public string BoardPath => Path.Combine(Directory, PiBoard.FileName);
    public string CaPath => Path.Combine(Directory, "ca.crt");
    public string CertificatePath => Path.Combine(Directory, "locker.crt");
    public string KeyPath => Path.Combine(Directory, "locker.key");
    public string StorageDirectory => Path.Combine(Directory, "state");

    /// <summary>
    /// Writes locker.json (broker 127.0.0.1:<paramref name="port"/>, a password login) and copies the Pi board next to it;
    /// with <paramref name="tls"/> the config names ca.crt, and with <paramref name="clientCertificate"/> also locker.crt
    /// and locker.key instead of the password. The files themselves are the test's to write (<see cref="WriteTlsFilesAsync"/>).
    /// </summary>
    public void WriteConfig(bool tls, int port = 8883, bool clientCertificate = false)
    {
        var broker = clientCertificate
            ? new BrokerSettings("127.0.0.1", port, tls, LockerId, "", "ca.crt", "locker.crt", "locker.key")
            : new BrokerSettings("127.0.0.1", port, tls, LockerId, Password, tls ? "ca.crt" : "", "", "");
        var config = new DeviceConfig(
            LockerId, "test-site", broker, Key,
            PiBoard.FileName, heartbeatS: 5, telemetryS: 60, keypadId: LockerId, scannerId: LockerId + "-qr", wifi: null);
        config.Validate();
        File.WriteAllText(ConfigPath, DeviceConfigWriter.ToJson(config));
        File.Copy(PiBoard.Path, BoardPath, overwrite: true);
    }

    /// <summary>As provisioned for <paramref name="pki"/>'s broker: its CA, and a client certificate whose common name is the locker id.</summary>
    public async Task WriteTlsFilesAsync(TestCertificates pki)
    {
        File.Copy(pki.CaCertificatePath, CaPath, overwrite: true);
        await pki.WriteClientCertificateAsync(LockerId, Directory, "locker");
    }

    /// <summary>
    /// As the shipped broker: TLS with client certificates as identities (the common name is the user name and client
    /// id), and the ACL that confines the locker to its topics; "test" (the probe playing the gateway) may do anything.
    /// </summary>
    public static MosquittoBrokerOptions BrokerOptions() => new()
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

    /// <summary>A signed unlock with the next counter, valid for two minutes.</summary>
    public byte[] SignedUnlock(int compartment, string commandId)
    {
        long expires = UnixTime.ToUnixSeconds(DateTime.UtcNow) + 120;
        return Signer.SignToJson(SignedCommand.Unlock(LockerId, commandId, ++_counter, expires, compartment));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

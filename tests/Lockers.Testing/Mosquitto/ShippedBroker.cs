using System.Globalization;
using Lockers.Mqtt.Channel;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// Mosquitto run from the configuration the project ships (broker/mosquitto.conf and broker/aclfile), with only its
/// placeholders and port filled in, in its own temp state directory (TLS files, ACL, pid file, persistence, log). Its one
/// listener is TLS with client certificates as identities. A test CA (<see cref="Certificates"/>, in the deployment CA's
/// folder layout, <see cref="PkiSettings"/>) signed the broker's certificate and the gateway's (<see cref="LinkSettings"/>);
/// lockers get theirs from the gateway's provisioning, pointed at the broker's files by <see cref="ProvisioningSettings"/>,
/// which SIGHUPs the broker as on a real site. Disposing stops it (SIGTERM), deletes its directory and throws if its log
/// has an "Error:" line not in <see cref="AllowedErrors"/>.
/// </summary>
public sealed class ShippedBroker : IAsyncDisposable
{
    /// <summary>The gateway's broker user, as broker/aclfile names it.</summary>
    public const string GatewayUser = "gateway";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly MosquittoProcess _process;

    private ShippedBroker(string directory, int port)
    {
        Directory = directory;
        _process = new MosquittoProcess(directory, Path.Combine(directory, "mosquitto.conf"));
        Port = port;
    }

    public string Host => "127.0.0.1";

    /// <summary>The TLS listener's port.</summary>
    public int Port { get; }

    /// <summary>The test CA (the deployment CA's folder: ca.crt, ca.key, crl.pem), which signed the broker's and the gateway's certificates.</summary>
    public TestCertificates Certificates { get; private set; } = null!;

    /// <summary>Substrings of broker log error lines a test provokes on purpose (refused handshakes); others fail disposal.</summary>
    public IList<string> AllowedErrors { get; } = new List<string>();

    /// <summary>The state directory: what @STATE_DIR@ stands for in the shipped configuration.</summary>
    public string Directory { get; }

    public string TlsDirectory => Path.Combine(Directory, "tls");
    public string CrlFile => Path.Combine(TlsDirectory, "crl.pem");
    public string AclFile => Path.Combine(Directory, "aclfile");
    public string PidFile => Path.Combine(Directory, "mosquitto.pid");
    public string ConfigFile => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>The broker's log file so far, then anything it printed before its log was open.</summary>
    public string Log => _process.Log;

    /// <summary>Writes the shipped configuration for a free port and its TLS files, and starts the broker; returns once it accepts connections.</summary>
    public static async Task<ShippedBroker> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lockers-shipped-broker-").FullName;
        var broker = new ShippedBroker(directory, FreeTcpPort.Find());
        try
        {
            await broker.WriteFilesAsync();
            await broker.StartProcessAsync();
            return broker;
        }
        catch
        {
            await broker._process.KillAsync(StopTimeout);
            broker._process.Dispose();
            broker._process.DeleteDirectory();
            throw;
        }
    }

    /// <summary>The gateway's Provisioning and Pki sections pointing at this broker's files and the test CA.</summary>
    public Dictionary<string, string?> ProvisioningSettings() => new()
    {
        ["Provisioning:CrlFile"] = CrlFile,
        ["Provisioning:AclFile"] = AclFile,
        ["Provisioning:PidFile"] = PidFile,
        ["Pki:Directory"] = Certificates.Directory,
    };

    /// <summary>The gateway's LockerLink section for this broker, link enabled, TLS with the gateway's client certificate.</summary>
    public Dictionary<string, string?> LinkSettings(string clientId) => new()
    {
        ["LockerLink:Enabled"] = "true",
        ["LockerLink:Host"] = Host,
        ["LockerLink:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["LockerLink:Tls"] = "true",
        ["LockerLink:CaCertificateFile"] = Certificates.CaCertificatePath,
        ["LockerLink:ClientCertificateFile"] = Path.Combine(Directory, "gateway", "gateway.crt"),
        ["LockerLink:ClientKeyFile"] = Path.Combine(Directory, "gateway", "gateway.key"),
        ["LockerLink:Username"] = GatewayUser,
        ["LockerLink:ClientId"] = clientId,
    };

    /// <summary>TLS settings for a client of this broker with a certificate for <paramref name="identity"/> from the test CA.</summary>
    public MqttTlsOptions ClientTls(string identity) =>
        new() { CaCertificate = Certificates.CaCertificate, ClientCertificate = Certificates.ClientCertificate(identity) };

    /// <summary>Error lines in the broker's log.</summary>
    public IReadOnlyList<string> Errors() => _process.ErrorLines()
        .Where(line => !AllowedErrors.Any(allowed => line.Contains(allowed, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Stops the broker (SIGTERM, then SIGKILL after a timeout), deletes its files, and fails on logged errors.</summary>
    public async ValueTask DisposeAsync()
    {
        var stoppedCleanly = await _process.StopAsync(StopTimeout);
        var errors = Errors();
        var log = Log;
        Certificates?.Dispose();
        _process.Dispose();
        _process.DeleteDirectory();

        if (!stoppedCleanly || errors.Count > 0)
        {
            throw new InvalidOperationException(
                (stoppedCleanly ? "" : $"Mosquitto did not stop within {StopTimeout.TotalSeconds} s of SIGTERM; killed it.\n") +
                $"Mosquitto logged {errors.Count} error line(s):\n{string.Join('\n', errors)}\n--- full log ---\n{log}");
        }
    }

    private async Task WriteFilesAsync()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        File.Copy(RepositoryRoot.File("broker", "aclfile"), AclFile);
        // The CA lives apart from the broker, as on a site; the broker gets the public files and its own key.
        Certificates = await TestCertificates.CreateAsync(Path.Combine(Directory, "pki"));
        System.IO.Directory.CreateDirectory(TlsDirectory);
        File.Copy(Certificates.CaCertificatePath, Path.Combine(TlsDirectory, "ca.crt"));
        File.Copy(Certificates.ServerCertificatePath, Path.Combine(TlsDirectory, "server.crt"));
        File.Copy(Certificates.ServerKeyPath, Path.Combine(TlsDirectory, "server.key"));
        File.Copy(Certificates.CrlPath, CrlFile);
        await Certificates.WriteClientCertificateAsync(GatewayUser, Path.Combine(Directory, "gateway"), "gateway");
        var isRoot = Environment.UserName == "root";
        var lines = (await File.ReadAllLinesAsync(RepositoryRoot.File("broker", "mosquitto.conf"))).Select(line =>
        {
            line = line.Replace("@STATE_DIR@", Directory, StringComparison.Ordinal)
                       .Replace("@BIND_ADDRESS@", Host, StringComparison.Ordinal);
            if (line.StartsWith("listener 8883 ", StringComparison.Ordinal))
            {
                return $"listener {Port} {Host}";
            }

            // Started as root, Mosquitto drops to user "mosquitto", who cannot read a root-only temp directory.
            return line == "#user mosquitto" && isRoot ? "user root" : line;
        });
        await File.WriteAllLinesAsync(ConfigFile, lines);
    }

    // Provisioning reloads the broker through the pid file, so it must be there too.
    private Task StartProcessAsync() => _process.StartAsync([Port], StartTimeout, () => File.Exists(PidFile));
}

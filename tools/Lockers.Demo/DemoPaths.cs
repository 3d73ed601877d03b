namespace Lockers.Demo;

/// <summary>Where everything lives, under the repository root and the demo's data directory.</summary>
public sealed class DemoPaths(string root, string data)
{
    public const string SiteId = "demo-site";
    public const string BoardName = "demo-12";
    public static readonly IReadOnlyList<string> LockerIds = ["demo-a", "demo-b"];

    public string Root { get; } = root;
    public string Data { get; } = data;

    // Repository files.
    public string BrokerTemplate => Path.Combine(Root, "broker", "mosquitto.conf");
    public string SiteFile => Path.Combine(Root, "tools", "Lockers.Demo", "demo-site.json");
    public string BoardFile => Path.Combine(Root, "hardware", "boards", BoardName + ".json");

    // The demo's own files.
    public string StateFile => Path.Combine(Data, "demo.json");
    public string LockFile => Path.Combine(Data, "demo.lock");
    public string RunDirectory => Path.Combine(Data, "run");
    public string LogDirectory => Path.Combine(Data, "logs");

    // Broker.
    public string BrokerDirectory => Path.Combine(Data, "broker");
    public string BrokerConfig => Path.Combine(BrokerDirectory, "mosquitto.conf");
    public string BrokerTlsDirectory => Path.Combine(BrokerDirectory, "tls");
    public string BrokerCrlFile => Path.Combine(BrokerTlsDirectory, "crl.pem");
    public string BrokerAclFile => Path.Combine(BrokerDirectory, "aclfile");
    public string BrokerPidFile => Path.Combine(BrokerDirectory, "mosquitto.pid");
    public string BrokerLog => Path.Combine(BrokerDirectory, "mosquitto.log");

    // The deployment CA (what an administrator keeps apart from broker and gateway) and the gateway's client certificate.
    public string PkiDirectory => Path.Combine(Data, "pki");
    public string CaCertificate => Path.Combine(PkiDirectory, "ca.crt");

    // Gateway.
    public string GatewayDataDirectory => Path.Combine(Data, "gateway");
    public string GatewayTlsDirectory => Path.Combine(GatewayDataDirectory, "tls");
    public string GatewayCertificate => Path.Combine(GatewayTlsDirectory, "gateway.crt");
    public string GatewayKey => Path.Combine(GatewayTlsDirectory, "gateway.key");
    public string GatewayLog => Path.Combine(LogDirectory, "gateway.log");

    // Lockers.
    public string LockerDirectory(string lockerId) => Path.Combine(Data, "lockers", lockerId);
    public string LockerConfig(string lockerId) => Path.Combine(LockerDirectory(lockerId), "locker.json");
    public string LockerFlash(string lockerId) => Path.Combine(LockerDirectory(lockerId), "flash");
}

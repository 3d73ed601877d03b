using Lockers.Core.Board;

namespace Lockers.Simulator.Locker;

/// <summary>How to build and run N simulated lockers against one broker.</summary>
public sealed class SimulatedFleetOptions
{
    /// <summary>Number of lockers, 1..100,000.</summary>
    public int Count { get; set; } = 10;

    /// <summary>Locker ids are this prefix plus a zero-padded number ("sim-00001").</summary>
    public string IdPrefix { get; set; } = "sim-";

    /// <summary>The site every locker belongs to.</summary>
    public string SiteId { get; set; } = "sim-site";

    /// <summary>Broker host.</summary>
    public string BrokerHost { get; set; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>
    /// Broker user for every locker; null (default) makes each locker log in as its own id, as provisioned
    /// lockers do (the broker then needs a user per locker).
    /// </summary>
    public string? UserName { get; set; }

    /// <summary>Broker password (for the shared user, or for every per-locker user); unused with <see cref="ClientCertificates"/>.</summary>
    public string Password { get; set; } = "locker";

    /// <summary>
    /// PEM certificate of the CA the broker's certificate chains to. With it every locker connects over TLS; with
    /// <see cref="ClientCertificates"/> as well, each presents its own client certificate instead of a password.
    /// </summary>
    public string? CaCertificatePem { get; set; }

    /// <summary>Issues a locker's client certificate: locker id to (certificate PEM, private key PEM), common name = the locker id.</summary>
    public Func<string, (string CertificatePem, string KeyPem)>? ClientCertificates { get; set; }

    /// <summary>
    /// Secret the command keys are derived from: key = HMAC-SHA256(seed, lockerId), so a load generator
    /// playing the gateway can sign commands for any locker of the fleet.
    /// </summary>
    public string KeySeed { get; set; } = "lockers-simulated-fleet";

    /// <summary>Folder under which each locker gets its own folder (config and flash).</summary>
    public string StorageRoot { get; set; } = Path.Combine(Path.GetTempPath(), "lockers-fleet");

    /// <summary>The board every locker runs on.</summary>
    public BoardDefinition? Board { get; set; }

    /// <summary>Board file name written into each locker's config.</summary>
    public string BoardFile { get; set; } = "devkit-4.json";

    /// <summary>Main-loop period of each locker; longer than a single locker's default to spare the CPU.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Pause between starting two lockers, so a fleet does not connect in one burst.</summary>
    public TimeSpan StartStagger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Keep-alive (heartbeat) seconds of every locker.</summary>
    public int HeartbeatS { get; set; } = 60;

    /// <summary>Telemetry interval seconds of every locker.</summary>
    public int TelemetryS { get; set; } = 300;
}

using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Link;

/// <summary>
/// Section "LockerLink": how the gateway reaches the lockers through the MQTT broker. Off by default so a
/// gateway without a broker (tests of other parts, API-only deployments) starts; the demo turns it on.
/// Checked at start-up by <see cref="LockerLinkOptionsValidator"/>.
/// </summary>
public sealed class LockerLinkOptions : IGatewayOptions
{
    public static string Section => "LockerLink";

    /// <summary>Run the link in this process.</summary>
    public bool Enabled { get; set; }

    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker port: 8883 (TLS), or 1883 for a plain loopback listener.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>
    /// Connect over TLS (default), checking the broker's certificate against <see cref="CaCertificateFile"/> or the system
    /// store. Off only for a plain listener on loopback (local tools, ADR 0204).
    /// </summary>
    public bool Tls { get; set; } = true;

    /// <summary>PEM file of the CA that signed the broker's certificate (the deployment CA's ca.crt); null uses the system's trusted roots.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>
    /// PEM file of the gateway's client certificate (<c>Lockers.Gateway ca gateway</c>); its common name is the gateway's
    /// broker identity, which the shipped broker takes as user name and client id (ADR 0203). Needs <see cref="ClientKeyFile"/>.
    /// </summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM file of the client certificate's private key (keep it 0600).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>
    /// The gateway's broker identity (its certificate's common name, or its user name on a password listener); the ACL lets
    /// it read and write every locker topic. Never a locker id.
    /// </summary>
    public string Username { get; set; } = "gateway";

    /// <summary>The gateway's broker password, for a password listener only (a client certificate needs none). Prefer <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the gateway's broker password (a mounted secret); trailing line breaks are ignored.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// MQTT client id, stable across restarts: the broker keeps this gateway's session (subscriptions and
    /// QoS 1 events queued while it is down) under it. Each gateway of a shared group needs its own. A broker with
    /// use_username_as_clientid (the shipped one) replaces it with the certificate's identity.
    /// </summary>
    public string ClientId { get; set; } = "lockers-gateway";

    /// <summary>
    /// Shared-subscription group (<c>$share/&lt;group&gt;/...</c>) when several gateways share the lockers;
    /// null or empty subscribes plainly (one gateway).
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>MQTT keep-alive in seconds (5..3600).</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Largest payload accepted from a locker, in bytes (64..65536); larger ones are counted and dropped unread.</summary>
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>Seconds a signed command other than an unlock stays valid (5..300); a command unanswered by then is marked failed.</summary>
    public int CommandExpirySeconds { get; set; } = 30;

    /// <summary>
    /// Seconds a signed unlock (an answer to a code, a remote open) stays valid (2..120): short, so a delayed unlock cannot open
    /// a door for someone who left. An answer to a code entry never outlives the entry's answer window either.
    /// </summary>
    public int UnlockExpirySeconds { get; set; } = 10;

    /// <summary>Seconds between two looks for commands past their expiry without a result, which are then marked failed (1..60).</summary>
    public int CommandSweepSeconds { get; set; } = 1;

    /// <summary>
    /// A code entered longer ago than this (by the event's wall time, 5..3600 s) is not answered with an unlock:
    /// the person has most likely left (the event was replayed from the journal after an outage). Entries that carry
    /// their answer window (answer_ms) are held to that window instead, when it is shorter.
    /// </summary>
    public int MaxCodeAgeSeconds { get; set; } = 60;

    /// <summary>
    /// Most messages applied in one group commit (1..1000; 1 turns grouping off). The link takes whatever messages
    /// are already waiting, up to this many, applies them in one store transaction, commits once, and only then
    /// publishes their commands and acknowledges them, in order (ADR 0202). Never waits to fill a group. In practice the
    /// broker's max_inflight_messages (20 in broker/mosquitto.conf) bounds the QoS 1 messages waiting at once.
    /// </summary>
    public int MaxGroupSize { get; set; } = 64;

    /// <summary>Seconds between connection attempts while the broker cannot be reached at start-up (1..300).</summary>
    public int ConnectRetrySeconds { get; set; } = 5;

    /// <summary>
    /// A gap in a locker's event numbering that its replays have not filled after this many seconds (and two replay
    /// requests) is declared lost, alarmed, and the numbering moves on (10..86400; ADR 0207).
    /// </summary>
    public int GapTimeoutSeconds { get; set; } = 60;

    /// <summary>Least seconds between two replay requests to one locker (1..300), so a burst of held events asks once.</summary>
    public int ReplayIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Longest wait, in seconds, between tries of a round the store refused (1..300). While the store is unavailable the
    /// link takes no new message and acknowledges none: the broker holds them (ADR 0208). The waits grow from 0.1 s.
    /// </summary>
    public int StoreRetryMaxSeconds { get; set; } = 5;

    /// <summary>
    /// Tests only: "&lt;moment&gt;:&lt;event kind&gt;[:&lt;door state&gt;]" (moments before-commit, after-commit, after-publish)
    /// kills the gateway's process at that point of the first round holding such an event (<see cref="LinkCrashPoint"/>).
    /// Never set in production.
    /// </summary>
    public string? CrashPoint { get; set; }
}

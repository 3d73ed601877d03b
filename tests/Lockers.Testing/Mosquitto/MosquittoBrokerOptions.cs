namespace Lockers.Testing.Mosquitto;

/// <summary>How a test wants its <see cref="MosquittoBroker"/>. Every setting has a default that suits most tests.</summary>
public sealed class MosquittoBrokerOptions
{
    /// <summary>The user every test may use unless it says otherwise.</summary>
    public const string DefaultUser = "test";

    /// <summary>Password of <see cref="DefaultUser"/>.</summary>
    public const string DefaultPassword = "test-password";

    /// <summary>User name to password. Default: <see cref="DefaultUser"/> only.</summary>
    public Dictionary<string, string> Users { get; } = new() { [DefaultUser] = DefaultPassword };

    /// <summary>
    /// ACL file lines (Mosquitto syntax: "user NAME", "topic readwrite a/#", "pattern read x/%u"). Null (default)
    /// lets every user read and write every topic.
    /// </summary>
    public IList<string>? AclLines { get; set; }

    /// <summary>
    /// Use Mosquitto's dynamic security plugin instead of the password and ACL files: the same
    /// <see cref="Users"/>, each allowed everything except what <see cref="DynamicSecurityAcls"/> says. Needed to see
    /// SUBSCRIBE refused with 0x80 (Mosquitto 2.0's acl_file never refuses a subscription, it only filters deliveries).
    /// </summary>
    public bool UseDynamicSecurity { get; set; }

    /// <summary>Per-user dynamic security rules (user name to rules), checked before the allow-everything default.</summary>
    public Dictionary<string, List<DynamicSecurityAcl>> DynamicSecurityAcls { get; } = new();

    /// <summary>Extra mosquitto.conf lines, appended after the generated ones (global section).</summary>
    public IList<string> ExtraConfig { get; } = new List<string>();

    /// <summary>
    /// Substrings of broker log error lines the test expects (e.g. a TLS handshake failure it provokes); other
    /// error lines fail the test when the broker is disposed.
    /// </summary>
    public IList<string> AllowedErrors { get; } = new List<string>();

    /// <summary>
    /// True (default): the broker's listener speaks TLS with a server certificate (CN localhost, SAN 127.0.0.1) from a CA
    /// generated for this broker (<see cref="MosquittoBroker.Certificates"/>; clients get theirs from
    /// <see cref="MosquittoBroker.ClientTls"/>). False: plain TCP, only for tests about plain TCP or tools without TLS.
    /// </summary>
    public bool Tls { get; set; } = true;

    /// <summary>
    /// With <see cref="Tls"/>: the project's identity model (broker/mosquitto.conf, ADR 0203). Clients must present a
    /// certificate from the test CA, not on its revocation list; its common name becomes their user name
    /// (use_identity_as_username) and client id (use_username_as_clientid), and passwords are ignored. Default false:
    /// user names and passwords from <see cref="Users"/>.
    /// </summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>
    /// Save the persistence database after every change (autosave_on_changes with interval 1), so a SIGKILL
    /// loses as little as possible. Costly (a database write per queued message: ~5x slower QoS 1 streams), so
    /// default false: Mosquitto's own default saves every 30 min and on orderly shutdown.
    /// </summary>
    public bool SaveOnEveryChange { get; set; }
}

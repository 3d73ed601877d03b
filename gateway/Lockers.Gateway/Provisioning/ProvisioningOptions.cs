using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Section "Provisioning": where the broker's files are, for <c>locker provision</c> and <c>locker revoke</c>. Each is
/// optional: without a CRL file the command says to copy the CA's crl.pem to the broker; without a pid file the broker is
/// not reloaded.
/// </summary>
public sealed class ProvisioningOptions : IGatewayOptions
{
    public static string Section => "Provisioning";

    /// <summary>Mosquitto's crlfile (broker/mosquitto.conf: @STATE_DIR@/tls/crl.pem); the CA's revocation list is copied there on every change.</summary>
    public string? CrlFile { get; set; }

    /// <summary>Mosquitto's acl_file; written from broker/aclfile's rules when missing (they cover every locker through %u).</summary>
    public string? AclFile { get; set; }

    /// <summary>Mosquitto's pid_file; the running broker gets SIGHUP so it rereads its ACL and revocation list.</summary>
    public string? PidFile { get; set; }
}

using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Section "Provisioning": where the broker's files are, for <c>locker provision</c>. Each is optional: without a
/// password file the command prints what to add by hand; without a pid file the broker is not reloaded.
/// </summary>
public sealed class ProvisioningOptions : IGatewayOptions
{
    public static string Section => "Provisioning";

    /// <summary>Mosquitto's password_file; a locker's entry is added or replaced with <c>mosquitto_passwd -b</c>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Mosquitto's acl_file; written from broker/aclfile's rules when missing (they cover every locker through %u).</summary>
    public string? AclFile { get; set; }

    /// <summary>Mosquitto's pid_file; the running broker gets SIGHUP so it rereads the password and ACL files.</summary>
    public string? PidFile { get; set; }

    /// <summary>The mosquitto_passwd program: a path, or a name looked up in /usr/bin, /usr/sbin and PATH.</summary>
    public string MosquittoPasswd { get; set; } = "mosquitto_passwd";
}

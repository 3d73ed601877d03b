namespace Lockers.Gateway.Provisioning;

/// <summary>
/// What <c>locker provision</c> is asked for: a registered locker at its site, the board file it runs, the
/// broker address the locker will use (not necessarily the gateway's), and the folder for its device config.
/// </summary>
public sealed record LockerProvisionRequest(
    string SiteId, string LockerId, string BoardPath, string BrokerHost, int BrokerPort, bool BrokerTls, string OutputDirectory);

/// <summary>The outcome; <see cref="BrokerPassword"/> and <see cref="CommandKey"/> are shown once and kept nowhere in clear but the device config.</summary>
public sealed record ProvisionedLocker(
    string LockerId, string BrokerUser, string BrokerPassword, string CommandKey, string ConfigPath,
    string? PasswordFileLine, bool PasswordFileWritten, bool AclWritten, bool BrokerReloaded);

/// <summary>Provisioning cannot go ahead; the message says what to fix. Nothing was changed when it is thrown before any step ran.</summary>
public sealed class ProvisioningException(string message, Exception? inner = null) : Exception(message, inner);

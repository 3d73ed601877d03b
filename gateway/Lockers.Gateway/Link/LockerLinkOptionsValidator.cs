using Lockers.Core.Protocol;
using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Link;

/// <summary>Refuses a LockerLink section the link could not run with; a disabled link is not checked (nothing uses it).</summary>
public sealed class LockerLinkOptionsValidator : OptionsValidator<LockerLinkOptions>
{
    protected override void Check(LockerLinkOptions o, OptionProblems problems)
    {
        if (!o.Enabled)
        {
            return;
        }

        problems.Require(!string.IsNullOrWhiteSpace(o.Host), nameof(o.Host), "is required.");
        problems.Range(nameof(o.Port), o.Port, 1, 65535);
        problems.Require(!string.IsNullOrWhiteSpace(o.Username), nameof(o.Username), "is required (the gateway's broker user).");
        // The gateway's broker identity is its client certificate on the shipped broker (ADR 0203); a password only on a
        // password listener (a loopback development broker).
        var hasCertificate = !string.IsNullOrEmpty(o.ClientCertificateFile);
        problems.Require(hasCertificate || !string.IsNullOrEmpty(o.Password) || !string.IsNullOrEmpty(o.PasswordFile),
            nameof(o.ClientCertificateFile),
            $"(with {problems.Key(nameof(o.ClientKeyFile))}), or {problems.Key(nameof(o.Password))} or {problems.Key(nameof(o.PasswordFile))}, is required.");
        problems.Require(hasCertificate == !string.IsNullOrEmpty(o.ClientKeyFile), nameof(o.ClientCertificateFile),
            $"and {problems.Key(nameof(o.ClientKeyFile))} go together.");
        problems.Require(!hasCertificate || o.Tls, nameof(o.ClientCertificateFile), $"needs {problems.Key(nameof(o.Tls))} true.");
        problems.Require(string.IsNullOrEmpty(o.ClientCertificateFile) || File.Exists(o.ClientCertificateFile), nameof(o.ClientCertificateFile),
            $"'{o.ClientCertificateFile}' does not exist.");
        problems.Require(string.IsNullOrEmpty(o.ClientKeyFile) || File.Exists(o.ClientKeyFile), nameof(o.ClientKeyFile),
            $"'{o.ClientKeyFile}' does not exist.");
        problems.Require(string.IsNullOrEmpty(o.PasswordFile) || File.Exists(o.PasswordFile), nameof(o.PasswordFile),
            $"'{o.PasswordFile}' does not exist.");
        problems.Require(string.IsNullOrEmpty(o.CaCertificateFile) || File.Exists(o.CaCertificateFile), nameof(o.CaCertificateFile),
            $"'{o.CaCertificateFile}' does not exist.");
        problems.Require(!string.IsNullOrWhiteSpace(o.ClientId) && o.ClientId.Length <= 128, nameof(o.ClientId),
            "is required (1..128 characters, stable across restarts).");
        // The same rule as locker ids: a share group must not contain '/', '+' or '#'.
        problems.Require(string.IsNullOrEmpty(o.SharedGroup) || Topics.IsValidLockerId(o.SharedGroup), nameof(o.SharedGroup),
            $"'{o.SharedGroup}' must be 1..64 of A-Z a-z 0-9 - _.");
        problems.Range(nameof(o.KeepAliveSeconds), o.KeepAliveSeconds, 5, 3600, " s");
        problems.Range(nameof(o.MaxPayloadBytes), o.MaxPayloadBytes, 64, 65536, " bytes");
        problems.Range(nameof(o.CommandExpirySeconds), o.CommandExpirySeconds, 5, 300, " s");
        problems.Range(nameof(o.UnlockExpirySeconds), o.UnlockExpirySeconds, 2, 120, " s");
        problems.Range(nameof(o.CommandSweepSeconds), o.CommandSweepSeconds, 1, 60, " s");
        problems.Range(nameof(o.MaxCodeAgeSeconds), o.MaxCodeAgeSeconds, 5, 3600, " s");
        problems.Range(nameof(o.MaxGroupSize), o.MaxGroupSize, 1, 1000);
        problems.Range(nameof(o.ConnectRetrySeconds), o.ConnectRetrySeconds, 1, 300, " s");
        problems.Range(nameof(o.GapTimeoutSeconds), o.GapTimeoutSeconds, 10, 86400, " s");
        problems.Range(nameof(o.ReplayIntervalSeconds), o.ReplayIntervalSeconds, 1, 300, " s");
        problems.Range(nameof(o.StoreRetryMaxSeconds), o.StoreRetryMaxSeconds, 1, 300, " s");
        try
        {
            LinkCrashPoint.Parse(o.CrashPoint);
        }
        catch (FormatException ex)
        {
            problems.Require(false, nameof(o.CrashPoint), ex.Message + ".");
        }
    }
}

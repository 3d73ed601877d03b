using Lockers.Core.Protocol;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>Refuses a LockerLink section the link could not run with, naming every problem at once.</summary>
public sealed class LockerLinkOptionsValidator : IValidateOptions<LockerLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, LockerLinkOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        Check(problems, !string.IsNullOrWhiteSpace(options.Host), "LockerLink:Host is required");
        Check(problems, options.Port is > 0 and <= 65535, $"LockerLink:Port must be 1..65535 (is {options.Port})");
        Check(problems, !string.IsNullOrWhiteSpace(options.Username), "LockerLink:Username is required (the gateway's broker user)");
        var hasCertificate = !string.IsNullOrEmpty(options.ClientCertificateFile);
        Check(problems, hasCertificate || !string.IsNullOrEmpty(options.Password) || !string.IsNullOrEmpty(options.PasswordFile),
            "LockerLink:ClientCertificateFile (with ClientKeyFile), or LockerLink:Password or PasswordFile, is required");
        Check(problems, hasCertificate == !string.IsNullOrEmpty(options.ClientKeyFile),
            "LockerLink:ClientCertificateFile and LockerLink:ClientKeyFile go together");
        Check(problems, !hasCertificate || options.Tls, "LockerLink:ClientCertificateFile needs LockerLink:Tls true");
        Check(problems, string.IsNullOrEmpty(options.ClientCertificateFile) || File.Exists(options.ClientCertificateFile),
            $"LockerLink:ClientCertificateFile '{options.ClientCertificateFile}' does not exist");
        Check(problems, string.IsNullOrEmpty(options.ClientKeyFile) || File.Exists(options.ClientKeyFile),
            $"LockerLink:ClientKeyFile '{options.ClientKeyFile}' does not exist");
        Check(problems, string.IsNullOrEmpty(options.PasswordFile) || File.Exists(options.PasswordFile),
            $"LockerLink:PasswordFile '{options.PasswordFile}' does not exist");
        Check(problems, string.IsNullOrEmpty(options.CaCertificateFile) || File.Exists(options.CaCertificateFile),
            $"LockerLink:CaCertificateFile '{options.CaCertificateFile}' does not exist");
        Check(problems, !string.IsNullOrWhiteSpace(options.ClientId) && options.ClientId.Length <= 128,
            "LockerLink:ClientId is required (1..128 characters, stable across restarts)");
        Check(problems, string.IsNullOrEmpty(options.SharedGroup) || IsPlainName(options.SharedGroup),
            $"LockerLink:SharedGroup '{options.SharedGroup}' must be 1..64 of A-Z a-z 0-9 - _");
        Check(problems, options.KeepAliveSeconds is >= 5 and <= 3600, $"LockerLink:KeepAliveSeconds must be 5..3600 (is {options.KeepAliveSeconds})");
        Check(problems, options.MaxPayloadBytes is >= 64 and <= 65536, $"LockerLink:MaxPayloadBytes must be 64..65536 (is {options.MaxPayloadBytes})");
        Check(problems, options.CommandExpirySeconds is >= 5 and <= 300,
            $"LockerLink:CommandExpirySeconds must be 5..300 (is {options.CommandExpirySeconds})");
        Check(problems, options.MaxCodeAgeSeconds is >= 5 and <= 3600, $"LockerLink:MaxCodeAgeSeconds must be 5..3600 (is {options.MaxCodeAgeSeconds})");
        Check(problems, options.MaxGroupSize is >= 1 and <= 1000, $"LockerLink:MaxGroupSize must be 1..1000 (is {options.MaxGroupSize})");
        Check(problems, options.ConnectRetrySeconds is >= 1 and <= 300,
            $"LockerLink:ConnectRetrySeconds must be 1..300 (is {options.ConnectRetrySeconds})");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The same rule as locker ids: a share group must not contain '/', '+' or '#'.</summary>
    private static bool IsPlainName(string name) => Topics.IsValidLockerId(name);

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}

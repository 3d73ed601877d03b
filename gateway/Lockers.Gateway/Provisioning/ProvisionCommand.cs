using System.Globalization;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// <c>locker provision --site S --locker L --board PATH --broker-host H [--broker-port 8883] --out DIR</c>: provisions one
/// locker (client certificate, command key, device config) and prints its command key once.
/// <c>locker revoke --locker L</c>: revokes every certificate of the locker and pushes it off the broker.
/// </summary>
public static class ProvisionCommand
{
    public const string Usage =
        "Lockers.Gateway locker provision --site SITE --locker LOCKER --board hardware/boards/devkit-4.json " +
        "--broker-host HOST [--broker-port 8883] --out DIR";

    public const string RevokeUsage = "Lockers.Gateway locker revoke --locker LOCKER";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args, out var problem) is not { } request)
        {
            error.WriteLine($"error: {problem}\nusage: {Usage}");
            return 2;
        }

        try
        {
            var result = await services.GetRequiredService<LockerProvisioner>().ProvisionAsync(request, "admin:cli");
            Print(result, output);
            return 0;
        }
        catch (ProvisioningException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    public static async Task<int> RevokeAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Value(args, "--locker") is not { } lockerId)
        {
            error.WriteLine($"error: missing --locker\nusage: {RevokeUsage}");
            return 2;
        }

        try
        {
            var result = await services.GetRequiredService<LockerRevoker>().RevokeAsync(lockerId, "admin:cli");
            output.WriteLine($"locker:       {result.LockerId}");
            output.WriteLine($"revoked:      {(result.RevokedSerials.Count == 0 ? "nothing new (already revoked)" : string.Join(", ", result.RevokedSerials))}");
            output.WriteLine(result.CrlWritten
                ? "broker CRL:   written"
                : "broker CRL:   not configured (Provisioning:CrlFile): copy the CA's crl.pem to the broker's crlfile");
            output.WriteLine(result.BrokerReloaded ? "broker:       reloaded (SIGHUP)" : "broker:       not reloaded (no running broker in Provisioning:PidFile)");
            output.WriteLine($"connection:   {result.Eviction}");
            return 0;
        }
        catch (ProvisioningException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    public static LockerProvisionRequest? Parse(string[] args, out string problem)
    {
        var missing = new[] { "--site", "--locker", "--board", "--broker-host", "--out" }.Where(name => Value(args, name) is null).ToList();
        var portText = Value(args, "--broker-port") ?? "8883";
        if (missing.Count > 0 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = missing.Count > 0 ? "missing " + string.Join(", ", missing) : $"--broker-port '{portText}' is not 1..65535";
            return null;
        }

        problem = "";
        return new LockerProvisionRequest(Value(args, "--site")!, Value(args, "--locker")!, Value(args, "--board")!, Value(args, "--broker-host")!,
            port, Value(args, "--out")!);
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static void Print(ProvisionedLocker result, TextWriter output)
    {
        output.WriteLine($"locker:          {result.LockerId}");
        output.WriteLine($"device config:   {result.ConfigPath}  (with ca.crt, locker.crt and locker.key beside it: copy all four to the locker, keep them private)");
        output.WriteLine($"broker identity: {result.BrokerUser} (certificate {result.CertificateSerial}, valid until {result.CertificateNotAfter:yyyy-MM-dd})");
        output.WriteLine($"command key:     {result.CommandKey}");
        if (result.RevokedSerials.Count > 0)
        {
            output.WriteLine($"revoked earlier certificates: {string.Join(", ", result.RevokedSerials)}");
        }

        output.WriteLine(result.CrlWritten
            ? "broker CRL: written"
            : "broker CRL: not configured (Provisioning:CrlFile); copy the CA's crl.pem to the broker's crlfile");
        if (result.AclWritten)
        {
            output.WriteLine("broker ACL file: written");
        }

        output.WriteLine(result.BrokerReloaded ? "broker: reloaded (SIGHUP)" : "broker: not reloaded (no running broker in Provisioning:PidFile)");
        output.WriteLine("The command key is shown once: the gateway keeps it only sealed. The certificate's private key exists only in the locker's files.");
    }
}

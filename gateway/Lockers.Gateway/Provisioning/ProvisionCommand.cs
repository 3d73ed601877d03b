using System.Globalization;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// <c>locker provision --site S --locker L --board PATH --broker-host H [--broker-port P] [--tls] --out DIR</c>:
/// provisions one locker and prints its secrets once.
/// </summary>
public static class ProvisionCommand
{
    public const string Usage =
        "Lockers.Gateway locker provision --site SITE --locker LOCKER --board hardware/boards/devkit-4.json " +
        "--broker-host HOST [--broker-port 1883] [--tls] --out DIR";

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

    public static LockerProvisionRequest? Parse(string[] args, out string problem)
    {
        var tls = args.Contains("--tls");
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var missing = new[] { "--site", "--locker", "--board", "--broker-host", "--out" }.Where(name => Value(name) is null).ToList();
        var portText = Value("--broker-port") ?? (tls ? "8883" : "1883");
        if (missing.Count > 0 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = missing.Count > 0 ? "missing " + string.Join(", ", missing) : $"--broker-port '{portText}' is not 1..65535";
            return null;
        }

        problem = "";
        return new LockerProvisionRequest(Value("--site")!, Value("--locker")!, Value("--board")!, Value("--broker-host")!, port, tls, Value("--out")!);
    }

    private static void Print(ProvisionedLocker result, TextWriter output)
    {
        output.WriteLine($"locker:          {result.LockerId}");
        output.WriteLine($"device config:   {result.ConfigPath}  (holds the secrets below; copy it to the locker, keep it private)");
        output.WriteLine($"broker user:     {result.BrokerUser}");
        output.WriteLine($"broker password: {result.BrokerPassword}");
        output.WriteLine($"command key:     {result.CommandKey}");
        output.WriteLine(result.PasswordFileWritten
            ? "broker password file: updated"
            : $"broker password file: not configured (Provisioning:PasswordFile); add this line to the broker's:\n  {result.PasswordFileLine}");
        if (result.AclWritten)
        {
            output.WriteLine("broker ACL file: written");
        }

        output.WriteLine(result.BrokerReloaded ? "broker: reloaded (SIGHUP)" : "broker: not reloaded (no running broker in Provisioning:PidFile)");
        output.WriteLine("These secrets are shown once: the gateway keeps the password only hashed and the key only sealed.");
    }
}

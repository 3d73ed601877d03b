using System.Globalization;
using Lockers.Demo.Processes;
using Lockers.Demo.Site;

namespace Lockers.Demo.Setup;

/// <summary>
/// The first run's steps, each done once and remembered in demo.json (an interrupted first run carries on where it
/// stopped): the deployment CA with the broker's and the gateway's certificates, the site (tools/Lockers.Demo/demo-site.json: two lockers on the demo-12
/// board), the carrier's API client with the demo's webhook URL, and both lockers provisioned by the gateway's own
/// <c>locker provision</c> (broker users, ACL, command keys, device configs), and the dashboard's admin sign-in.
/// </summary>
public static class SiteSetup
{
    public static async Task RunAsync(DemoPaths paths, DemoState state, Gateway gateway, TextWriter log)
    {
        if (!state.CertificatesIssued)
        {
            // A data directory from before TLS (its lockers had passwords): the lockers are provisioned again.
            state.ProvisionedLockers.Clear();
            log.WriteLine($"setup: the deployment CA ({paths.PkiDirectory}), the broker's and the gateway's certificates");
            if (!File.Exists(paths.CaCertificate))
            {
                await gateway.RunCommandAsync("ca", "init", "--name", "Lockers demo CA");
            }

            await gateway.RunCommandAsync("ca", "broker", "--host", "127.0.0.1", "--host", "localhost", "--out", paths.BrokerTlsDirectory);
            await gateway.RunCommandAsync("ca", "gateway", "--out", paths.GatewayTlsDirectory);
            state.CertificatesIssued = true;
            state.Save(paths.StateFile);
        }

        if (!state.SiteImported)
        {
            log.WriteLine("setup: " + (await gateway.RunCommandAsync("site", "import", "--file", paths.SiteFile)).Trim());
            state.SiteImported = true;
            state.Save(paths.StateFile);
        }

        if (state.ApiKey is null || state.WebhookSecret is null)
        {
            log.WriteLine("setup: the carrier's API key, webhooks to " + WebhookReceiver.UrlFor(state.WebhookPort));
            var output = await gateway.RunCommandAsync("apikey", "create", "--client", "demo-carrier", "--webhook-url", WebhookReceiver.UrlFor(state.WebhookPort));
            state.ApiKey = Field(output, "api key:");
            state.WebhookSecret = Field(output, "webhook secret:")
                ?? throw new DemoException($"the gateway kept an earlier demo-carrier client without showing its webhook secret: delete {paths.Data} and start again");
            state.Save(paths.StateFile);
        }

        if (state.DashboardPassword is null)
        {
            // A random password per demo data directory, shown on the demo's screen: an admin may open doors.
            var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
            log.WriteLine("setup: " + (await gateway.RunCommandWithInputAsync(password, "staff", "add", "--user", DemoState.DashboardUser, "--role", "admin")).Trim());
            state.DashboardPassword = password;
            state.Save(paths.StateFile);
        }

        foreach (var lockerId in DemoPaths.LockerIds.Where(id => !state.ProvisionedLockers.Contains(id)))
        {
            log.WriteLine($"setup: provisioning {lockerId} (client certificate, ACL, command key, {paths.LockerConfig(lockerId)})");
            await gateway.RunCommandAsync("locker", "provision", "--site", DemoPaths.SiteId, "--locker", lockerId, "--board", paths.BoardFile,
                "--broker-host", "127.0.0.1", "--broker-port", state.BrokerPort.ToString(CultureInfo.InvariantCulture), "--out", paths.LockerDirectory(lockerId));
            state.ProvisionedLockers.Add(lockerId);
            state.Save(paths.StateFile);
        }
    }

    /// <summary>The value after <paramref name="label"/> on its line of a subcommand's output.</summary>
    public static string? Field(string output, string label) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(label, StringComparison.Ordinal))
            .Select(l => l[label.Length..].Trim()).FirstOrDefault(v => v.Length > 0);
}

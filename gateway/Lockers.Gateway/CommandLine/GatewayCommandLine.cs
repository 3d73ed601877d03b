using Lockers.Gateway.Clients;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store.Sqlite;

namespace Lockers.Gateway.CommandLine;

/// <summary>
/// Administrative subcommands run instead of the server, against the configured store:
///   apikey create --client NAME [--webhook-url URL]   prints the key (and a new client's webhook secret) once
///   site import --file PATH                            imports a site definition file
///   ca init|broker|gateway ...                         the deployment CA and its certificates (Provisioning/CaCommand)
///   locker provision ... / locker revoke ...           a locker's credentials (Provisioning/ProvisionCommand)
/// </summary>
public static class GatewayCommandLine
{
    private static readonly string Usage = $"""
        usage:
          {Staff.StaffCommand.Usage}
          Lockers.Gateway apikey create --client NAME [--webhook-url URL]
          Lockers.Gateway site import --file PATH
          {ProvisionCommand.Usage}
          {ProvisionCommand.RevokeUsage}
        {CaCommand.Usage}
        Configuration (Store:DataDirectory, Codes:PepperFile, ...) comes from appsettings and environment variables
        (Store__DataDirectory, Codes__PepperFile, ...), as for the server.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "staff" or "apikey" or "site" or "locker" or "ca" or "help" or "--help";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            await services.GetRequiredService<SqliteMigrator>().EnsureMigratedAsync();
            switch (args)
            {
                case ["apikey", "create", .. var rest] when Option(rest, "--client") is { } client:
                    var created = await services.GetRequiredService<ApiClientService>().CreateKeyAsync(client, Option(rest, "--webhook-url"));
                    output.WriteLine($"client:         {created.ClientName} ({created.ClientId})");
                    output.WriteLine($"api key:        {created.ApiKey}");
                    if (created.WebhookSecret is not null)
                    {
                        output.WriteLine($"webhook secret: {created.WebhookSecret}");
                    }
                    output.WriteLine("Store these now: they are kept only as hashes (or sealed) and cannot be shown again.");
                    return 0;
                case ["site", "import", .. var rest] when Option(rest, "--file") is { } file:
                    var definition = SiteDefinitionLoader.Load(file);
                    await services.GetRequiredService<RegistryService>().ImportAsync(definition, "admin:cli");
                    output.WriteLine($"imported site {definition.Site.Id}: {definition.Lockers.Count} lockers, {definition.Compartments.Count} compartments");
                    return 0;
                case ["locker", "provision", .. var rest]:
                    return await ProvisionCommand.RunAsync(services, rest, output, error);
                case ["locker", "revoke", .. var rest]:
                    return await ProvisionCommand.RevokeAsync(services, rest, output, error);
                case ["ca", .. var rest]:
                    return await CaCommand.RunAsync(services, rest, output, error);
                case ["staff", .. var rest]:
                    return await Staff.StaffCommand.RunAsync(services.GetRequiredService<Staff.StaffService>(), rest, Console.In, output, error);
                default:
                    error.WriteLine(Usage);
                    return args is ["help"] or ["--help"] ? 0 : 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or SiteDefinitionException or Store.StoreUnavailableException
                                       or Microsoft.Extensions.Options.OptionsValidationException)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

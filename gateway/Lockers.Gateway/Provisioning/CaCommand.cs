using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning.Pki;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// The deployment CA's subcommands (ADR 0203), all against <c>Pki:Directory</c>:
///   ca init [--name NAME]                          makes the CA (ca.key 0600, ca.crt, an empty crl.pem)
///   ca broker --host NAME [--host NAME2] --out DIR the broker's server certificate: server.crt, server.key, ca.crt, crl.pem
///   ca gateway [--identity NAME] --out DIR         the gateway's client certificate (CN = LockerLink:Username): gateway.crt, gateway.key, ca.crt
/// </summary>
public static class CaCommand
{
    public const string Usage = """
          Lockers.Gateway ca init [--name "Lockers CA"]
          Lockers.Gateway ca broker --host HOST-OR-ADDRESS [--host ...] --out DIR
          Lockers.Gateway ca gateway [--identity gateway] --out DIR
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var pki = services.GetRequiredService<IOptions<PkiOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetStoreNow();
        try
        {
            switch (args)
            {
                case ["init", .. var rest]:
                    using (var ca = await DeploymentCa.CreateAsync(pki.RequireDirectory(), Value(rest, "--name") ?? "Lockers deployment CA", now, pki.CaYears))
                    {
                        output.WriteLine($"CA created in {ca.Directory}: ca.crt (give to the broker, the gateway and every locker), " +
                                         "ca.key (0600: keep it private and backed up; whoever holds it can mint any identity), crl.pem");
                    }

                    return 0;
                case ["broker", .. var rest] when Values(rest, "--host") is { Count: > 0 } hosts && Value(rest, "--out") is { } outDir:
                    return await IssueAsync(pki, now, "server", CertificateKind.Server, hosts[0], hosts, outDir, output);
                case ["gateway", .. var rest] when Value(rest, "--out") is { } outDir:
                    // From the raw configuration: the LockerLink options are validated, and their certificate files are what this makes.
                    var identity = Value(rest, "--identity")
                        ?? services.GetRequiredService<IConfiguration>()[$"{LockerLinkOptions.Section}:{nameof(LockerLinkOptions.Username)}"]
                        ?? new LockerLinkOptions().Username;
                    return await IssueAsync(pki, now, "gateway", CertificateKind.Gateway, identity, null, outDir, output);
                default:
                    error.WriteLine("usage:\n" + Usage);
                    return 2;
            }
        }
        catch (ProvisioningException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static async Task<int> IssueAsync(PkiOptions pki, DateTimeOffset now, string fileName, CertificateKind kind, string identity,
        IReadOnlyList<string>? hosts, string outDir, TextWriter output)
    {
        using var ca = DeploymentCa.Open(pki.RequireDirectory());
        var issued = await ca.IssueAsync(identity, kind, now, TimeSpan.FromDays(pki.ServiceCertificateDays), hosts);
        await PrivateFiles.WriteAsync(Path.Combine(outDir, fileName + ".crt"), issued.CertificatePem, secret: false);
        await PrivateFiles.WriteAsync(Path.Combine(outDir, fileName + ".key"), issued.KeyPem, secret: true);
        await PrivateFiles.WriteAsync(Path.Combine(outDir, DeploymentCa.CertificateFileName), ca.CertificatePem, secret: false);
        if (kind == CertificateKind.Server)
        {
            await PrivateFiles.WriteAsync(Path.Combine(outDir, DeploymentCa.CrlFileName), await File.ReadAllTextAsync(ca.CrlPath), secret: false);
        }

        output.WriteLine($"{fileName}.crt for '{identity}' (serial {issued.Serial}, valid until {issued.NotAfter:yyyy-MM-dd}), " +
                         $"{fileName}.key (0600) and ca.crt written to {Path.GetFullPath(outDir)}");
        return 0;
    }

    private static string? Value(string[] args, string name) => Values(args, name).FirstOrDefault();

    private static List<string> Values(string[] args, string name) =>
        args.Select((arg, index) => (arg, index)).Where(pair => pair.arg == name && pair.index + 1 < args.Length)
            .Select(pair => args[pair.index + 1]).ToList();
}

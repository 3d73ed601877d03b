using System.Globalization;
using Lockers.Demo.Setup;

namespace Lockers.Demo.Processes;

/// <summary>
/// The real gateway (<c>gateway/Lockers.Gateway</c>'s build output) run with <c>dotnet</c>: its subcommands for
/// setup, and the server as a child process. Configured only through environment variables, so nothing in the
/// repository changes: the store and dev pepper in the data directory, the locker link on the demo broker over TLS with
/// the gateway's certificate, the deployment CA and the broker's files for provisioning.
/// </summary>
public sealed class Gateway(DemoPaths paths, string dll, int brokerPort, int httpPort)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public string BaseUrl => $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The build in the demo's own configuration (Release for ./lockers demo), else the other; a clear message when neither exists.</summary>
    public static string FindDll(string root)
    {
        var release = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var candidates = (release ? new[] { "Release", "Debug" } : ["Debug", "Release"])
            .Select(c => Path.Combine(root, "gateway", "Lockers.Gateway", "bin", c, "net10.0", "Lockers.Gateway.dll"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new DemoException("the gateway is not built: dotnet build gateway/Lockers.Gateway -c Release (./lockers demo does this)");
    }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Store__DataDirectory"] = paths.GatewayDataDirectory,
        ["Codes__AllowDevPepper"] = "true",
        ["Reservations__PublicBaseUrl"] = BaseUrl,
        ["Webhooks__InitialBackoffSeconds"] = "2",
        ["Webhooks__MaxBackoffSeconds"] = "10",
        // The demo serves plain HTTP on loopback: the dashboard's cookies cannot be HTTPS-only here (never in production).
        ["Staff__SecureCookies"] = "false",
        ["LockerLink__Enabled"] = "true",
        ["LockerLink__Host"] = "127.0.0.1",
        ["LockerLink__Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
        ["LockerLink__Tls"] = "true",
        ["LockerLink__CaCertificateFile"] = paths.CaCertificate,
        ["LockerLink__ClientCertificateFile"] = paths.GatewayCertificate,
        ["LockerLink__ClientKeyFile"] = paths.GatewayKey,
        ["LockerLink__Username"] = BrokerSetup.GatewayUser,
        ["LockerLink__ClientId"] = "lockers-demo-gateway",
        ["LockerLink__ConnectRetrySeconds"] = "1",
        ["Pki__Directory"] = paths.PkiDirectory,
        ["Provisioning__CrlFile"] = paths.BrokerCrlFile,
        ["Provisioning__AclFile"] = paths.BrokerAclFile,
        ["Provisioning__PidFile"] = paths.BrokerPidFile,
        ["Logging__Console__FormatterName"] = "simple",
    };

    /// <summary>Runs a subcommand (<c>site import ...</c>); returns its output, throws with its error text when it fails.</summary>
    public Task<string> RunCommandAsync(params string[] arguments) => RunCommandWithInputAsync(null, arguments);

    /// <summary>A subcommand that reads a secret (a staff password) from stdin.</summary>
    public async Task<string> RunCommandWithInputAsync(string? input, params string[] arguments)
    {
        var (exit, output, error) = await Programs.RunAsync(
            Programs.DotNet(), [dll, .. arguments], CommandTimeout,
            new Dictionary<string, string>(Environment) { ["Logging__LogLevel__Default"] = "Warning" }, Path.GetDirectoryName(dll), input);
        if (exit != 0)
        {
            throw new DemoException($"gateway {string.Join(' ', arguments.Take(2))} failed ({exit}):\n{error}{output}");
        }

        return output;
    }

    /// <summary>Starts the server; its log goes to the data directory.</summary>
    public Task<ChildProcess> StartServerAsync() =>
        ChildProcess.StartAsync("gateway", Programs.DotNet(), [dll, "--urls", BaseUrl], paths.GatewayLog,
            Path.Combine(paths.RunDirectory, "gateway.pid"), dll, Path.GetDirectoryName(dll), Environment, port: httpPort);

    /// <summary>Waits until /health answers 200 (store and broker link up); throws with the log's tail otherwise.</summary>
    public async Task WaitHealthyAsync(ChildProcess server, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new DemoException($"the gateway stopped while starting; the end of {server.LogFile}:\n{server.LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(250);
        }

        throw new DemoException($"the gateway was not healthy within {timeout.TotalSeconds:0} s ({last}); see {server.LogFile}");
    }
}

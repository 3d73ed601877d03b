using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// Mosquitto run from the configuration the project ships (broker/mosquitto.conf and broker/aclfile), with only its
/// placeholders and port filled in, in its own temp state directory (password file, ACL, pid file, persistence, log).
/// It starts knowing only the gateway's user; lockers are added by the gateway's provisioning, pointed at these files
/// by <see cref="ProvisioningSettings"/>, which SIGHUPs the broker as on a real site. Disposing stops it (SIGTERM),
/// deletes its directory and throws if its log has an "Error:" line.
/// </summary>
public sealed class ShippedBroker : IAsyncDisposable
{
    /// <summary>The gateway's broker user, as broker/aclfile names it.</summary>
    public const string GatewayUser = "gateway";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly MosquittoProcess _process;

    private ShippedBroker(string directory, int port, string gatewayPassword)
    {
        Directory = directory;
        _process = new MosquittoProcess(directory, Path.Combine(directory, "mosquitto.conf"));
        Port = port;
        GatewayPassword = gatewayPassword;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string GatewayPassword { get; }

    /// <summary>The state directory: what @STATE_DIR@ stands for in the shipped configuration.</summary>
    public string Directory { get; }

    public string PasswordFile => Path.Combine(Directory, "passwd");
    public string AclFile => Path.Combine(Directory, "aclfile");
    public string PidFile => Path.Combine(Directory, "mosquitto.pid");
    public string ConfigFile => Path.Combine(Directory, "mosquitto.conf");

    /// <summary>The broker's log file so far, then anything it printed before its log was open.</summary>
    public string Log => _process.Log;

    /// <summary>Writes the shipped configuration for a free port, adds the gateway's user and starts the broker; returns once it accepts connections.</summary>
    public static async Task<ShippedBroker> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lockers-shipped-broker-").FullName;
        var broker = new ShippedBroker(directory, FreeTcpPort.Find(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        try
        {
            await broker.WriteFilesAsync();
            await broker.StartProcessAsync();
            return broker;
        }
        catch
        {
            await broker._process.KillAsync(StopTimeout);
            broker._process.Dispose();
            broker._process.DeleteDirectory();
            throw;
        }
    }

    /// <summary>The gateway's Provisioning section pointing at this broker's files.</summary>
    public Dictionary<string, string?> ProvisioningSettings() => new()
    {
        ["Provisioning:PasswordFile"] = PasswordFile,
        ["Provisioning:AclFile"] = AclFile,
        ["Provisioning:PidFile"] = PidFile,
    };

    /// <summary>The gateway's LockerLink section for this broker, link enabled.</summary>
    public Dictionary<string, string?> LinkSettings(string clientId) => new()
    {
        ["LockerLink:Enabled"] = "true",
        ["LockerLink:Host"] = Host,
        ["LockerLink:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["LockerLink:Username"] = GatewayUser,
        ["LockerLink:Password"] = GatewayPassword,
        ["LockerLink:ClientId"] = clientId,
    };

    /// <summary>Error lines in the broker's log.</summary>
    public IReadOnlyList<string> Errors() => _process.ErrorLines();

    /// <summary>Stops the broker (SIGTERM, then SIGKILL after a timeout), deletes its files, and fails on logged errors.</summary>
    public async ValueTask DisposeAsync()
    {
        var stoppedCleanly = await _process.StopAsync(StopTimeout);
        var errors = Errors();
        var log = Log;
        _process.Dispose();
        _process.DeleteDirectory();

        if (!stoppedCleanly || errors.Count > 0)
        {
            throw new InvalidOperationException(
                (stoppedCleanly ? "" : $"Mosquitto did not stop within {StopTimeout.TotalSeconds} s of SIGTERM; killed it.\n") +
                $"Mosquitto logged {errors.Count} error line(s):\n{string.Join('\n', errors)}\n--- full log ---\n{log}");
        }
    }

    private async Task WriteFilesAsync()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        File.Copy(RepositoryRoot.File("broker", "aclfile"), AclFile);
        var isRoot = Environment.UserName == "root";
        var lines = (await File.ReadAllLinesAsync(RepositoryRoot.File("broker", "mosquitto.conf"))).Select(line =>
        {
            line = line.Replace("@STATE_DIR@", Directory, StringComparison.Ordinal)
                       .Replace("@BIND_ADDRESS@", Host, StringComparison.Ordinal);
            if (line.StartsWith("listener 1883 ", StringComparison.Ordinal))
            {
                return $"listener {Port} {Host}";
            }

            // Started as root, Mosquitto drops to user "mosquitto", who cannot read a root-only temp directory.
            return line == "#user mosquitto" && isRoot ? "user root" : line;
        });
        await File.WriteAllLinesAsync(ConfigFile, lines);
        await RunPasswdAsync("-c", "-b", PasswordFile, GatewayUser, GatewayPassword);
    }

    // Provisioning reloads the broker through the pid file, so it must be there too.
    private Task StartProcessAsync() => _process.StartAsync([Port], StartTimeout, () => File.Exists(PidFile));

    private static async Task RunPasswdAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(MosquittoBinary.Find("mosquitto_passwd")) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_passwd did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}

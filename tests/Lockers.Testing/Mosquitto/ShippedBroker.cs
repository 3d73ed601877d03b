using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

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

    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _console = new();
    private Process? _process;

    private ShippedBroker(string directory, int port, string gatewayPassword)
    {
        Directory = directory;
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
    public string Log
    {
        get
        {
            var logFile = Path.Combine(Directory, "mosquitto.log");
            var text = "";
            if (File.Exists(logFile))
            {
                using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                text = new StreamReader(stream).ReadToEnd();
            }

            lock (_console)
            {
                return text + _console;
            }
        }
    }

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
            broker.Kill();
            System.IO.Directory.Delete(directory, recursive: true);
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
    public IReadOnlyList<string> Errors() =>
        Log.Split('\n').Where(line => line.Contains("Error:", StringComparison.Ordinal)).ToList();

    /// <summary>Stops the broker (SIGTERM, then SIGKILL after a timeout), deletes its files, and fails on logged errors.</summary>
    public async ValueTask DisposeAsync()
    {
        var stoppedCleanly = await StopAsync();
        var errors = Errors();
        var log = Log;
        _process?.Dispose();
        _process = null;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not hide the test's outcome.
        }

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

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(MosquittoBinary.Find()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigFile);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => AppendConsole(line.Data);
        process.ErrorDataReceived += (_, line) => AppendConsole(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Provisioning reloads the broker through the pid file, so it must be there too.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!(File.Exists(PidFile) && await FreeTcpPort.AcceptsConnectionsAsync(Port)))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Mosquitto exited with code {process.ExitCode} while starting.\n{Log}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Mosquitto did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s.\n{Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>SIGTERM (the broker saves its persistence and exits); true when it exited in time, else it is killed.</summary>
    private async Task<bool> StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return true;
        }

        SendSignal(_process.Id, SigTerm);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
            return true;
        }
        catch (TimeoutException)
        {
            Kill();
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
            return false;
        }
    }

    private void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
        }
    }

    private void AppendConsole(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_console)
        {
            _console.AppendLine(line);
        }
    }

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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

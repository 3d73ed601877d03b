using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Lockers.Demo.Processes;

/// <summary>
/// A program the demo runs in the background (Mosquitto, the gateway): its own session, so Ctrl+C in the terminal
/// reaches only the demo, which then stops things in order; stdout and stderr appended to a log file, never the
/// terminal; its pid in a file, so a demo that was killed outright can clean up after itself on the next start.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;

    private ChildProcess(string name, Process process, string logFile, string pidFile)
    {
        Name = name;
        _process = process;
        LogFile = logFile;
        PidFile = pidFile;
    }

    /// <summary>What it is, for messages ("mosquitto", "gateway").</summary>
    public string Name { get; }

    /// <summary>Where its output goes.</summary>
    public string LogFile { get; }

    /// <summary>Where its pid is kept while it runs.</summary>
    public string PidFile { get; }

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process exits, with its exit code.</summary>
    public async Task<int> ExitedAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>
    /// Starts <paramref name="program"/>; output is appended to <paramref name="logFile"/>. A process left running by
    /// an earlier demo (the pid in <paramref name="pidFile"/>, with <paramref name="leftoverMarker"/> on its command line) is stopped first.
    /// </summary>
    /// <remarks>
    /// With <paramref name="port"/>, refuses to start when something else already listens on 127.0.0.1 at that port (once
    /// its own leftover is stopped): the child would fail ("address already in use") while whatever holds the port,
    /// perhaps another demo's gateway, answered in its place.
    /// </remarks>
    public static async Task<ChildProcess> StartAsync(
        string name, string program, IReadOnlyList<string> arguments, string logFile, string pidFile, string leftoverMarker,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        await StopLeftoverAsync(pidFile, leftoverMarker);
        if (port is { } taken && await Broker.AcceptsConnectionsAsync(taken))
        {
            throw new DemoException($"127.0.0.1:{taken} is already in use by another program, so {name} cannot listen there " +
                $"(another demo still running? see: ss -ltnp 'sport = :{taken}'). Stop it, or give this demo other ports (--port, --http-port).");
        }
        // sh redirects and then execs the program: same pid, no pipes for this process to drain.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (start.FileName != "/bin/sh")
        {
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$LOCKERS_DEMO_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOCKERS_DEMO_LOG"] = logFile;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name} ({program})");
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ChildProcess(name, process, logFile, pidFile);
    }

    /// <summary>The last <paramref name="lines"/> lines of its log, for error messages.</summary>
    public string LogTail(int lines = 15) => Tail(LogFile, lines);

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="timeout"/>. Safe to call twice.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        try
        {
            if (!_process.HasExited)
            {
                _ = Kill(_process.Id, SigTerm);
                using var wait = new CancellationTokenSource(timeout);
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    // SIGKILL cannot be refused; the bound only keeps a stuck kernel from hanging the demo's exit.
                    await _process.WaitForExitAsync().WaitAsync(timeout);
                }
            }
        }
        finally
        {
            File.Delete(PidFile);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    /// <summary>The last lines of a text file ("" when it does not exist).</summary>
    public static string Tail(string path, int lines)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var all = new StreamReader(stream).ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines + 1)).TrimEnd();
    }

    /// <summary>Stops the process named in <paramref name="pidFile"/> when its command line still holds <paramref name="marker"/> (a demo killed with SIGKILL leaves it).</summary>
    private static async Task StopLeftoverAsync(string pidFile, string marker)
    {
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid) || pid <= 1)
        {
            return;
        }

        var commandLine = $"/proc/{pid}/cmdline";
        if (File.Exists(commandLine) && (await File.ReadAllTextAsync(commandLine)).Contains(marker, StringComparison.Ordinal))
        {
            try
            {
                using var leftover = Process.GetProcessById(pid);
                _ = Kill(pid, SigTerm);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await leftover.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    leftover.Kill();
                }
            }
            catch (ArgumentException)
            {
                // Gone in the meantime.
            }
        }

        File.Delete(pidFile);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// One <c>mosquitto -c CONFIG</c> process and what it wrote: its log file in <see cref="Directory"/> plus anything it
/// printed before the log was open. Starting waits until the given ports accept connections; stopping sends SIGTERM
/// (the broker saves its persistence) and kills it after a timeout. Shared by <see cref="MosquittoBroker"/> (a
/// generated configuration) and <see cref="ShippedBroker"/> (the project's own).
/// </summary>
internal sealed class MosquittoProcess(string directory, string configPath) : IDisposable
{
    public const int SigHup = 1;
    public const int SigTerm = 15;
    public const int SigStop = 19;
    public const int SigCont = 18;

    private readonly StringBuilder _console = new();
    private Process? _process;

    public string Directory { get; } = directory;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running broker's process id (benchmarks read its CPU and memory); null when it is not running.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>
    /// Whether the running process is stopped by a signal (state T in /proc/PID/stat). SIGSTOP is delivered after kill()
    /// returns, so a test that needs the broker frozen before its next step waits for this.
    /// </summary>
    public bool IsStopped
    {
        get
        {
            if (ProcessId is not { } pid)
            {
                return false;
            }

            // "PID (COMMAND) STATE ...": the command may hold spaces or parentheses, the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is 'T' or 't';
        }
    }

    /// <summary>The broker's log file so far, then anything it printed on stdout/stderr.</summary>
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

    /// <summary>The log's "Error:" lines.</summary>
    public IReadOnlyList<string> ErrorLines() =>
        Log.Split('\n').Where(line => line.Contains("Error:", StringComparison.Ordinal)).ToList();

    /// <summary>Starts the process; returns once every port accepts connections and <paramref name="ready"/> (if any) holds.</summary>
    public async Task StartAsync(IReadOnlyList<int> ports, TimeSpan timeout, Func<bool>? ready = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is already running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(MosquittoBinary.Find()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configPath);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => AppendConsole(line.Data);
        process.ErrorDataReceived += (_, line) => AppendConsole(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await FreeTcpPort.AcceptsConnectionsAsync(port) || (ready is not null && !ready()))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Mosquitto exited with code {process.ExitCode} while starting.\n{Log}");
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException($"Mosquitto was not ready on 127.0.0.1:{port} within {timeout.TotalSeconds} s.\n{Log}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(25));
            }
        }
    }

    /// <summary>SIGTERM and wait; true when it exited within <paramref name="timeout"/>, else it is killed and false.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (!IsRunning)
        {
            return true;
        }

        Signal(SigTerm);
        try
        {
            await _process!.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            await KillAsync(timeout);
            return false;
        }
    }

    /// <summary>SIGKILL, as a crash would: nothing is saved. Waits for the exit.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!IsRunning)
        {
            return;
        }

        _process!.Kill();
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    /// <summary>Sends a signal to the running broker; throws when it is not running or the signal fails.</summary>
    public void Signal(int signal)
    {
        if (!IsRunning || SendSignal(_process!.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to the broker (running: {IsRunning}).");
        }
    }

    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Deletes the broker's directory; best effort, so a leftover temp directory never hides a test's outcome.</summary>
    public void DeleteDirectory()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

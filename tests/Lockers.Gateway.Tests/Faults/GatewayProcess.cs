using System.Diagnostics;
using System.Globalization;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// The gateway as its own process (the built Lockers.Gateway.dll, Production environment), so a test can kill it with
/// SIGKILL, or let it kill itself at a chosen point (LockerLink:CrashPoint), and start another over the same data
/// directory and broker session. Its console output is kept for the failure message. Disposing kills what still runs.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the gateway with <paramref name="settings"/> (Section:Key) and waits until its link serves and /alive answers.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var gateway = Launch(settings);
        try
        {
            await gateway._serving.Task.WaitAsync(StartTimeout);
            using var http = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
            await Wait.UntilAsync(async () =>
            {
                try
                {
                    return (await http.GetAsync("/alive")).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too slow to answer one request on a loaded machine: ask again until StartTimeout.
                    return false;
                }
            }, StartTimeout, "the gateway process to answer /alive");
        }
        catch (TimeoutException e)
        {
            await gateway.DisposeAsync();
            throw new InvalidOperationException($"The gateway process did not start serving:\n{gateway.Output()}", e);
        }

        return gateway;
    }

    /// <summary>
    /// Starts the gateway with <paramref name="settings"/> it should refuse, and waits (up to StartTimeout) for it to stop by
    /// itself: its exit code and what it printed, as an operator would see them. For start-up refusals a test cannot
    /// observe in process: WebApplicationFactory sometimes reports an ObjectDisposedException of its own instead of the
    /// exception the entry point threw (a race in its deferred host start).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunRefusedAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var gateway = Launch(settings);
        await gateway.WaitForExitAsync(StartTimeout, "a start-up it should refuse");
        return (gateway._process.ExitCode, gateway.Output());
    }

    private static GatewayProcess Launch(IReadOnlyDictionary<string, string?> settings)
    {
        var dll = GatewayDll();
        var port = FreeTcpPort.Find();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var process = new Process { StartInfo = start };
        var gateway = new GatewayProcess(process, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        process.OutputDataReceived += (_, line) => gateway.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => gateway.OnLine(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gateway;
    }

    /// <summary>SIGKILL, as kill -9: no shutdown, no DISCONNECT; waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Waits for the process to end by itself (a crash point); fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout, string what)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the gateway process did not end within {timeout.TotalSeconds:0} s ({what}):\n{Output()}");
        }
    }

    /// <summary>The last lines it printed.</summary>
    public string Output()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Locker link serving", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > 200)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The gateway built in the tests' configuration (the project reference builds it).</summary>
    private static string GatewayDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug" : "Release";
        var dll = RepositoryRoot.File("gateway", "Lockers.Gateway", "bin", configuration, "net10.0", "Lockers.Gateway.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the gateway first");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Lockers.Testing;

/// <summary>
/// The built gateway (gateway/Lockers.Gateway/bin/&lt;configuration&gt;/net10.0/Lockers.Gateway.dll, Production environment)
/// as a child process on a free 127.0.0.1 port, with <c>Section:Key</c> settings passed as environment variables: what the
/// fault tests kill and the benchmarks measure. It keeps the last lines the gateway printed, signals when its locker link
/// serves, and hands every line to an optional observer. Disposing kills what still runs.
/// </summary>
public sealed class GatewayLaunch : IAsyncDisposable
{
    private readonly Queue<string> _lines = new();
    private readonly int _keepLines;
    private readonly Action<string>? _onLine;
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayLaunch(Process process, int port, int keepLines, Action<string>? onLine)
    {
        Process = process;
        Port = port;
        _keepLines = keepLines;
        _onLine = onLine;
    }

    public Process Process { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Completes when the gateway logs that its locker link serves.</summary>
    public Task Serving => _serving.Task;

    /// <param name="settings">Gateway configuration as Section:Key (nested keys with ':'), set as Section__Key variables.</param>
    /// <param name="keepLines">How many of the last printed lines <see cref="Output"/> keeps.</param>
    /// <param name="onLine">Sees every line the gateway prints (stdout and stderr), on the reading thread.</param>
    public static GatewayLaunch Start(IReadOnlyDictionary<string, string?> settings, int keepLines = 200, Action<string>? onLine = null)
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

        var launch = new GatewayLaunch(new Process { StartInfo = start }, port, keepLines, onLine);
        launch.Process.OutputDataReceived += (_, line) => launch.OnLine(line.Data);
        launch.Process.ErrorDataReceived += (_, line) => launch.OnLine(line.Data);
        launch.Process.Start();
        launch.Process.BeginOutputReadLine();
        launch.Process.BeginErrorReadLine();
        return launch;
    }

    /// <summary>The last lines it printed.</summary>
    public string Output()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    /// <summary>SIGKILL, as kill -9: no shutdown, no DISCONNECT; waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
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

        _onLine?.Invoke(line);
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > _keepLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The gateway built in the caller's configuration (its project reference builds it).</summary>
    private static string GatewayDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug" : "Release";
        var dll = RepositoryRoot.File("gateway", "Lockers.Gateway", "bin", configuration, "net10.0", "Lockers.Gateway.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the gateway first (dotnet build Lockers.sln -c {configuration}).");
    }
}

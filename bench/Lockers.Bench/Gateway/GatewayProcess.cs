using System.Diagnostics;
using System.Globalization;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The gateway under test as its own process (the built Lockers.Gateway.dll, production settings and logging),
/// so its CPU time and memory are read from /proc apart from the simulated lockers. It connects its locker link
/// to the bench broker as the shared bench user; its /metrics page gives the store and link figures.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    /// <summary>The scrape token the bench gateway is started with (Metrics:ScrapeToken); not a secret outside the bench.</summary>
    private const string ScrapeToken = "bench-scrape-token-not-a-secret-0123456789";

    private readonly HttpClient _http;
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lastLines = new();
    private long _errorLines;
    private long _scrapes;

    private GatewayProcess(Process process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        // /metrics is never anonymous on the public port (ADR 0112): the bench scrapes with the token it configured.
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);
    }

    public int Pid => _process.Id;

    /// <summary>/metrics reads so far: each is one store unit of work in the gateway, to take out of its figures.</summary>
    public long Scrapes => Interlocked.Read(ref _scrapes);

    /// <summary>Log lines at error level so far (the report shows them: a bench must not measure a failing gateway).</summary>
    public long ErrorLines => Interlocked.Read(ref _errorLines);

    /// <param name="settings">Extra gateway configuration (Section:Key=value), e.g. to measure a setting's effect.</param>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, MosquittoBroker broker, IReadOnlyList<string>? settings = null)
    {
        var dll = GatewayDll();
        var httpPort = FreeTcpPort.Find();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Store__DataDirectory"] = dataDirectory,
            ["Codes__Pepper"] = BenchFleet.Pepper,
            ["LockerLink__Enabled"] = "true",
            ["LockerLink__Host"] = broker.Host,
            ["LockerLink__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["LockerLink__ClientId"] = "bench-gateway",
            ["Metrics__ScrapeToken"] = ScrapeToken,
            // The benchmarks open thousands of doors a second on purpose: no unlock ceilings (ADR 0110; docs/performance.md).
            ["Guard__SiteUnlocksPerMinute"] = "0",
            ["Guard__FleetUnlocksPerMinute"] = "0",
        };
        if (broker.Certificates is { } pki)
        {
            // As shipped: TLS, the gateway's own client certificate is its identity.
            var (certificate, key) = await pki.WriteClientCertificateAsync(BenchBroker.GatewayIdentity, Path.Combine(dataDirectory, "tls"), "gateway");
            environment["LockerLink__Tls"] = "true";
            environment["LockerLink__CaCertificateFile"] = pki.CaCertificatePath;
            environment["LockerLink__ClientCertificateFile"] = certificate;
            environment["LockerLink__ClientKeyFile"] = key;
            environment["LockerLink__Username"] = BenchBroker.GatewayIdentity;
        }
        else
        {
            environment["LockerLink__Tls"] = "false";
            environment["LockerLink__Username"] = MosquittoBrokerOptions.DefaultUser;
            environment["LockerLink__Password"] = MosquittoBrokerOptions.DefaultPassword;
        }

        foreach (var setting in settings ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            environment[setting[..equals].Replace(":", "__", StringComparison.Ordinal)] = setting[(equals + 1)..];
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var gateway = new GatewayProcess(process, httpPort);
        process.OutputDataReceived += (_, line) => gateway.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => gateway.OnLine(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway._serving.Task.WaitAsync(StartTimeout);
            await gateway.WaitForHttpAsync();
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or TaskCanceledException)
        {
            // Whichever wait gave up (the locker link, or /metrics that never answered), the process must not outlive the bench.
            await gateway.DisposeAsync();
            throw new InvalidOperationException($"The gateway did not serve its locker link and /metrics within {StartTimeout.TotalSeconds} s:\n{gateway.LastLines()}", e);
        }

        return gateway;
    }

    /// <summary>The locker link may serve before Kestrel listens: waits until /metrics answers.</summary>
    private async Task WaitForHttpAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ScrapeAsync();
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < StartTimeout)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>User + system CPU time of the gateway process so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Resident set (VmRSS) and its anonymous part (RssAnon: heaps and stacks, not mapped files), bytes.</summary>
    public (long Resident, long Anonymous) Memory()
    {
        long resident = 0, anonymous = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(line) * 1024;
            }
        }

        return (resident, anonymous);
    }

    /// <summary>The gateway's /metrics page as name (with labels) to value.</summary>
    public async Task<GatewayMetricsSnapshot> ScrapeAsync()
    {
        Interlocked.Increment(ref _scrapes);
        var text = await _http.GetStringAsync("/metrics");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                // OpenTelemetry's exporter writes a series without labels as "name{}" (ADR 0015): the same series as "name".
                values[line[..space].Replace("{}", "", StringComparison.Ordinal)] = value;
            }
        }

        return new GatewayMetricsSnapshot(values);
    }

    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
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

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>The gateway built in the same configuration as this bench (the bench's project reference builds it).</summary>
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

/// <summary>Values of one /metrics scrape.</summary>
public sealed record GatewayMetricsSnapshot(IReadOnlyDictionary<string, double> Values)
{
    public double this[string name] => Values.GetValueOrDefault(name);

    public double Pickups => this["lockers_pickups_total"];
    public double MessagesIn => this["lockers_mqtt_messages_in_total"];
    public double StoreUnits => this["lockers_store_seconds_count"];
    public double StoreSeconds => this["lockers_store_seconds_sum"];
    public double GroupCommits => this["lockers_link_group_commits_total"];
    public double GroupedMessages => this["lockers_link_grouped_messages_total"];
}

using System.Diagnostics;
using System.Globalization;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The gateway under test as its own process (<see cref="GatewayLaunch"/>: the built Lockers.Gateway.dll, production settings),
/// so its CPU time and memory are read from /proc apart from the simulated lockers. It connects its locker link
/// to the bench broker as the shared bench user; its /metrics page gives the store and link figures.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The scrape token the bench gateway is started with (Metrics:ScrapeToken); not a secret outside the bench.</summary>
    private const string ScrapeToken = "bench-scrape-token-not-a-secret-0123456789";

    private readonly GatewayLaunch _launch;
    private readonly HttpClient _http;
    private long _errorLines;
    private long _scrapes;

    private GatewayProcess(IReadOnlyDictionary<string, string?> settings)
    {
        _launch = GatewayLaunch.Start(settings, keepLines: 40, onLine: CountErrors);
        _http = new HttpClient { BaseAddress = new Uri(_launch.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        // /metrics is never anonymous on the public port (ADR 0112): the bench scrapes with the token it configured.
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);
    }

    public int Pid => _launch.Process.Id;

    /// <summary>/metrics reads so far: each is one store unit of work in the gateway, to take out of its figures.</summary>
    public long Scrapes => Interlocked.Read(ref _scrapes);

    /// <summary>Log lines at error level so far (the report shows them: a bench must not measure a failing gateway).</summary>
    public long ErrorLines => Interlocked.Read(ref _errorLines);

    /// <param name="settings">Extra gateway configuration (Section:Key=value), e.g. to measure a setting's effect.</param>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, MosquittoBroker broker, IReadOnlyList<string>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = dataDirectory,
            ["Codes:Pepper"] = BenchFleet.Pepper,
            ["LockerLink:Enabled"] = "true",
            ["LockerLink:Host"] = broker.Host,
            ["LockerLink:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["LockerLink:ClientId"] = "bench-gateway",
            ["Metrics:ScrapeToken"] = ScrapeToken,
            // The benchmarks open thousands of doors a second on purpose: no unlock ceilings (ADR 0110; docs/performance.md).
            ["Guard:SiteUnlocksPerMinute"] = "0",
            ["Guard:FleetUnlocksPerMinute"] = "0",
        };
        if (broker.Certificates is { } pki)
        {
            // As shipped: TLS, the gateway's own client certificate is its identity.
            var (certificate, key) = await pki.WriteClientCertificateAsync(BenchBroker.GatewayIdentity, Path.Combine(dataDirectory, "tls"), "gateway");
            configuration["LockerLink:Tls"] = "true";
            configuration["LockerLink:CaCertificateFile"] = pki.CaCertificatePath;
            configuration["LockerLink:ClientCertificateFile"] = certificate;
            configuration["LockerLink:ClientKeyFile"] = key;
            configuration["LockerLink:Username"] = BenchBroker.GatewayIdentity;
        }
        else
        {
            configuration["LockerLink:Tls"] = "false";
            configuration["LockerLink:Username"] = MosquittoBrokerOptions.DefaultUser;
            configuration["LockerLink:Password"] = MosquittoBrokerOptions.DefaultPassword;
        }

        foreach (var setting in settings ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            configuration[setting[..equals]] = setting[(equals + 1)..];
        }

        var gateway = new GatewayProcess(configuration);
        try
        {
            await gateway._launch.Serving.WaitAsync(StartTimeout);
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
        _launch.Process.Refresh();
        return _launch.Process.TotalProcessorTime;
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

    public string LastLines() => _launch.Output();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _launch.DisposeAsync();
    }

    private void CountErrors(string line)
    {
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
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

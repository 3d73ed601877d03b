using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// The gateway as its own process (<see cref="GatewayLaunch"/>: the built Lockers.Gateway.dll, Production environment), so
/// a test can kill it with SIGKILL, or let it kill itself at a chosen point (LockerLink:CrashPoint), and start another over
/// the same data directory and broker session. Its console output is kept for the failure message. Disposing kills what
/// still runs.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly GatewayLaunch _launch;

    private GatewayProcess(GatewayLaunch launch) => _launch = launch;

    public string BaseUrl => _launch.BaseUrl;

    public bool HasExited => _launch.Process.HasExited;

    /// <summary>Starts the gateway with <paramref name="settings"/> (Section:Key) and waits until its link serves and /alive answers.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var gateway = new GatewayProcess(GatewayLaunch.Start(settings));
        try
        {
            await gateway._launch.Serving.WaitAsync(StartTimeout);
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
        await using var gateway = new GatewayProcess(GatewayLaunch.Start(settings));
        await gateway.WaitForExitAsync(StartTimeout, "a start-up it should refuse");
        return (gateway._launch.Process.ExitCode, gateway.Output());
    }

    /// <summary>SIGKILL, as kill -9: no shutdown, no DISCONNECT; waits until it is gone.</summary>
    public Task KillAsync() => _launch.KillAsync();

    /// <summary>Waits for the process to end by itself (a crash point); fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout, string what)
    {
        try
        {
            await _launch.Process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the gateway process did not end within {timeout.TotalSeconds:0} s ({what}):\n{Output()}");
        }
    }

    /// <summary>The last lines it printed.</summary>
    public string Output() => _launch.Output();

    public ValueTask DisposeAsync() => _launch.DisposeAsync();
}

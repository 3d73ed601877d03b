using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lockers.Core.Protocol;
using Lockers.Dashboard.Tests.Support;
using Lockers.Testing;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// <c>./lockers demo</c> exactly as a newcomer runs it: its entry point from the build output (tools/Lockers.Demo, which
/// runs gateway/Lockers.Gateway from its own build output), in a temporary data directory on free ports, driven through
/// its terminal; every dashboard page loaded in Chromium, signed in with the sign-in the demo prints, a door changing live
/// as a courier types at the terminal. Stopped with "quit"; nothing is left running.
/// </summary>
public sealed class DemoDashboardSmokeTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private readonly string _data = Directory.CreateTempSubdirectory("lockers-demo-dashboard-").FullName;
    private readonly List<string> _output = [];
    private Process? _demo;

    [Fact]
    public async Task Demo_FromTheBuildOutput_ServesEveryDashboardPage_SignsIn_AndShowsADoorChangeLive()
    {
        var (httpPort, brokerPort, webhookPort) = (FreeTcpPort.Find(), FreeTcpPort.Find(), FreeTcpPort.Find());
        _demo = StartDemo(brokerPort, httpPort, webhookPort);
        var signIn = await WaitForLineAsync(new Regex(@"Maintenance dashboard: (?<url>http://\S+)/dashboard\s+\(sign in as (?<user>\S+) / (?<password>\S+)\)"), Start);
        var baseUrl = signIn.Groups["url"].Value;
        Assert.Equal($"http://127.0.0.1:{httpPort}", baseUrl);

        // Every page from the gateway's build output: no 404 (the demo's gateway runs from bin/, not the project folder).
        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Step })
        {
            foreach (var page in new[] { "sign-in.html", "index.html", "locker.html", "holds.html", "common.js", "alarms.js", "fleet.js", "locker.js", "chart.js", "sign-in.js", "holds.js", "dashboard.css" })
            {
                using var response = await http.GetAsync("/dashboard/" + page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"/dashboard/{page}: {(int)response.StatusCode}");
            }
        }

        await using var tab = await chromium.NewPageAsync(baseUrl);
        await tab.SignInAsync(signIn.Groups["user"].Value, signIn.Groups["password"].Value);
        await Assertions.Expect(tab.Page.Locator("tr[data-locker]")).ToHaveCountAsync(2);
        await Assertions.Expect(tab.Page.Locator("tr[data-locker='demo-b']")).ToContainTextAsync("online");
        await tab.ScreenshotAsync("demo-fleet-desktop");
        await tab.OpenLockerAsync("demo-b");
        await Assertions.Expect(tab.Page.Locator("[data-compartment]")).ToHaveCountAsync(12);

        // A courier at the terminal: the drop-off code of the first parcel, then closing its door.
        var parcel = FirstParcel();
        var letter = parcel.LockerId[^1];
        await tab.OpenLockerAsync(parcel.LockerId);
        var door = tab.Page.Locator($"[data-compartment='{parcel.Door}']");
        await Say($"{letter} {parcel.DropoffCode}#");

        await Assertions.Expect(door).ToHaveAttributeAsync("data-door", DoorStates.Opened);
        await tab.ScreenshotAsync("demo-door-opened-live-desktop");
        await Say($"close {letter} {parcel.Door}");
        await WaitForLineAsync(new Regex($"closed door {parcel.Door} of locker {char.ToUpperInvariant(letter)}"), Step);
        await Assertions.Expect(door).ToHaveAttributeAsync("data-door", DoorStates.Closed);
        await Assertions.Expect(door).ToHaveAttributeAsync("data-occupancy", "parcel");

        // Every command at the prompt answers.
        await Say("jam a 7");
        await WaitForLineAsync(new Regex("jammed door 7 of locker A"), Step);
        await Say("unjam a 7");
        await WaitForLineAsync(new Regex("door 7 of locker A is free again"), Step);
        await Say("a 12");
        await WaitForLineAsync(new Regex("nothing is sent until #"), Step);
        await Say("book XXL");
        await WaitForLineAsync(new Regex("the size is S, M, L or XL"), Step);

        // The demo's dashboard in each language, chosen with the header's switch, at desktop and phone width: screenshots
        // for a person to look at (LanguageTests holds the pages to their languages).
        foreach (var (language, htmlLang) in new[] { ("ja", "ja"), ("zh", "zh-Hans"), ("en", "en") })
        {
            await tab.Page.Locator($"#languages button[data-lang='{language}']").ClickAsync();
            await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
            await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
            foreach (var (page, url) in new[] { ("locker", $"/dashboard/locker.html?id={parcel.LockerId}&door={parcel.Door}"), ("fleet", "/dashboard/index.html") })
            {
                await tab.Page.GotoAsync(url);
                await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
                await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", htmlLang);
                await tab.ScreenshotAsync($"demo-{page}-{language}-desktop");
                await tab.Page.SetViewportSizeAsync(390, 844);
                await tab.ScreenshotAsync($"demo-{page}-{language}-phone");
                await tab.Page.SetViewportSizeAsync(1280, 900);
            }
        }
        tab.AssertNoScriptErrors();

        await Say("quit");
        Assert.True(await ExitedAsync(TimeSpan.FromMinutes(1)), "the demo did not stop after quit:\n" + Output());
        Assert.True(_demo.ExitCode == 0, Output());
        Assert.Empty(Directory.GetFiles(Path.Combine(_data, "run"), "*.pid"));
    }

    private Process StartDemo(int brokerPort, int httpPort, int webhookPort)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = RepositoryRoot.File("tools", "Lockers.Demo", "bin", configuration, "net10.0", "Lockers.Demo.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built: dotnet build Lockers.sln -c {configuration} (./lockers test does)");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in new[] { dll, "--root", RepositoryRoot.Path, "--data", _data, "--port", brokerPort.ToString(),
                     "--http-port", httpPort.ToString(), "--webhook-port", webhookPort.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        var demo = Process.Start(start)!;
        demo.OutputDataReceived += (_, e) => Add(e.Data);
        demo.ErrorDataReceived += (_, e) => Add(e.Data);
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        return demo;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private string Output()
    {
        lock (_output) return string.Join("\n", _output);
    }

    private async Task Say(string line)
    {
        await _demo!.StandardInput.WriteLineAsync(line);
        await _demo.StandardInput.FlushAsync();
    }

    private async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        Match? found = null;
        await Wait.UntilAsync(() =>
        {
            lock (_output)
            {
                found = _output.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success);
            }
            if (found is null && _demo!.HasExited)
            {
                throw new InvalidOperationException($"the demo exited ({_demo.ExitCode}) before printing /{pattern}/:\n{Output()}");
            }
            return found is not null;
        }, timeout, $"the demo to print /{pattern}/; it printed:\n{Output()}");
        return found!;
    }

    private sealed record Parcel(string LockerId, int Door, string DropoffCode);

    /// <summary>The first parcel the demo booked, from its demo.json (drop-off code and door).</summary>
    private Parcel FirstParcel()
    {
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(_data, "demo.json")));
        var parcel = state.RootElement.GetProperty("parcels")[0];
        return new Parcel(parcel.GetProperty("lockerId").GetString()!, parcel.GetProperty("compartment").GetInt32(),
            parcel.GetProperty("dropoffCode").GetString()!);
    }

    private async Task<bool> ExitedAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _demo!.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops whatever is still running: the demo (SIGTERM: it stops its lockers, gateway and broker), then any leftover child by its pid file.</summary>
    public async Task DisposeAsync()
    {
        if (_demo is { HasExited: false })
        {
            _ = Kill(_demo.Id, 15);
            if (!await ExitedAsync(TimeSpan.FromSeconds(40)))
            {
                _demo.Kill(entireProcessTree: true);
            }
        }
        _demo?.Dispose();
        var run = Path.Combine(_data, "run");
        foreach (var pidFile in Directory.Exists(run) ? Directory.GetFiles(run, "*.pid") : [])
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && pid > 1)
            {
                try
                {
                    using var child = Process.GetProcessById(pid);
                    child.Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}

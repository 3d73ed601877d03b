using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lockers.Core.Doors;
using Lockers.Demo;
using Lockers.Simulator.Locker;
using Lockers.Simulator.Tests.Support;
using Lockers.Testing;

namespace Lockers.Simulator.Tests.Demo;

/// <summary>
/// <c>./lockers demo</c> end to end, in a temporary data directory on free ports: the real Mosquitto and gateway as
/// child processes, the demo's own setup, booking, webhook receiver and simulated lockers. A courier deposits with the
/// drop-off code, the recipient's PIN arrives by webhook and opens the door; a second run resumes with the same data;
/// nothing is left running.
/// </summary>
public sealed class DemoSmokeTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SecondRun = TimeSpan.FromMinutes(3);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "lockers-demo-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Demo_DepositAndPickup_ThenSecondRunResumesWithTheSameData_AndStopsEverything()
    {
        var options = Options();
        string pickedUpId;
        string waitingId, waitingCode;
        List<int> childPids;
        await using (var first = await DemoSession.StartAsync(options, TextWriter.Null))
        {
            Assert.True(first.FirstRun);
            var parcels = first.Read(s => s.Parcels.ToList());
            Assert.Equal(4, parcels.Count);
            Assert.All(parcels, p => Assert.Equal("booked", p.Status));
            Assert.All(first.Lockers.Values, l => Assert.True(l.IsConnected, $"{l.LockerId} is not connected"));
            Assert.All(first.Lockers.Values, l => Assert.Equal(12, l.Cabinet.Doors.Count));
            await AssertDashboardSignInAsync(first);

            var parcel = parcels[0];
            var locker = first.Lockers[DemoSession.LetterOf(parcel.LockerId!)];
            var door = parcel.Compartment!.Value;

            // Courier: the drop-off code opens the booked door; closing it makes the parcel ready.
            locker.Type(parcel.DropoffCode + "#");
            await DoorOpenAsync(locker, door);
            locker.Close(door);
            var ready = await first.WaitForParcelAsync(parcel.ReservationId, p => p.PickupPin is not null, Step);
            Assert.Equal("ready_for_pickup", ready.Status);
            Assert.Matches("^[0-9]{6}$", ready.PickupPin);
            Assert.StartsWith(first.GatewayUrl + "/r/", ready.AccessLink);
            Assert.Contains($"PIN {ready.PickupPin}", Guide.RecipientLine(ready));

            // Recipient: the PIN from the webhook opens the same door.
            locker.Type(ready.PickupPin + "#");
            await DoorOpenAsync(locker, door);
            await first.WaitForParcelAsync(parcel.ReservationId, p => p.Status == "picked_up", Step);
            locker.Close(door);
            pickedUpId = parcel.ReservationId;
            childPids = RunningChildren();
            Assert.Equal(2, childPids.Count); // mosquitto and the gateway
            (waitingId, waitingCode) = (parcels[1].ReservationId, parcels[1].DropoffCode);
        }

        AssertNothingRunning(options, childPids);

        // Second run, through the program as ./lockers demo runs it: same data, nothing booked again.
        var output = new StringWriter();
        var exit = await DemoProgram.RunAsync(options, new StringReader("codes\nquit\n"), output, interactive: false, CancellationToken.None)
            .WaitAsync(SecondRun);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("Resumed with the same data", text);
        Assert.Contains($"Maintenance dashboard: http://127.0.0.1:{options.HttpPort}/dashboard", text);
        Assert.Contains("picked up: done", text);
        Assert.Contains($"As a courier: type drop-off code {waitingCode}", text);
        Assert.DoesNotContain("booked DEMO-", text);
        var state = DemoState.LoadOrNew(Path.Combine(_data, "demo.json"));
        Assert.Equal(4, state.Parcels.Count);
        Assert.Equal("picked_up", state.Parcels.Single(p => p.ReservationId == pickedUpId).Status);
        Assert.Equal("booked", state.Parcels.Single(p => p.ReservationId == waitingId).Status);
        AssertNothingRunning(options, []);
    }

    /// <summary>The sign-in the demo prints works over its plain-HTTP URL and shows both lockers online.</summary>
    private static async Task AssertDashboardSignInAsync(DemoSession demo)
    {
        Assert.Contains($"sign in as {DemoState.DashboardUser} / {demo.State.DashboardPassword}", Lockers.Demo.Terminal.SiteRenderer.Render(demo, []));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(demo.GatewayUrl), Timeout = Step,
        };
        var session = await http.GetFromJsonAsync<JsonElement>("/dashboard/api/session");
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/dashboard/api/sign-in")
        {
            Content = JsonContent.Create(new { user = DemoState.DashboardUser, password = demo.State.DashboardPassword }),
        };
        signIn.Headers.Add("X-CSRF-TOKEN", session.GetProperty("csrfToken").GetString());
        using var signedIn = await http.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        await Wait.UntilAsync(async () =>
        {
            var fleet = await http.GetFromJsonAsync<JsonElement>("/dashboard/api/fleet");
            var lockers = (fleet.ValueKind == JsonValueKind.Array ? fleet : fleet.GetProperty("lockers")).EnumerateArray().ToList();
            return lockers.Count == 2 && lockers.All(l => l.GetProperty("online").GetBoolean());
        }, Step, "the dashboard to show both demo lockers online");
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private DemoOptions Options() => new()
    {
        Root = RepoFiles.Root,
        DataDirectory = _data,
        BrokerPort = FreeTcpPort.Find(),
        HttpPort = FreeTcpPort.Find(),
        WebhookPort = FreeTcpPort.Find(),
    };

    /// <summary>Waits until the door stands open and the firmware has seen it (a person closes it no sooner).</summary>
    private static Task DoorOpenAsync(SimulatedLocker locker, int door) =>
        Wait.UntilAsync(() => locker.Cabinet[door].IsOpen && locker.Controller?.GetDoorState(door) == DoorState.Open, Step,
            $"{locker.LockerId} door {door} to open");

    private List<int> RunningChildren() =>
        Directory.GetFiles(Path.Combine(_data, "run"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim())).ToList();

    /// <summary>The children are gone, and no process has the demo's data directory or gateway URL on its command line.</summary>
    private void AssertNothingRunning(DemoOptions options, List<int> children)
    {
        Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} still runs"));
        var left = Directory.GetDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(name => int.TryParse(name, out var pid) && pid != Environment.ProcessId)
            .Select(name => (name, commandLine: ReadCommandLine(name)))
            .Where(p => p.commandLine.Contains(_data, StringComparison.Ordinal) || p.commandLine.Contains($"127.0.0.1:{options.HttpPort}", StringComparison.Ordinal))
            .ToList();
        Assert.True(left.Count == 0, "still running: " + string.Join("; ", left.Select(p => $"{p.name}: {p.commandLine}")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_data, "run")));
    }

    private static string ReadCommandLine(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

using System.Text.Json;
using Lockers.Gateway.Tests.Monitoring;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// What staff see about doors after the gateway is killed (SIGKILL, as kill -9) and started again over the same SQLite file
/// and broker (ADR 0310): a door left open and a jammed door read so on the locker page, doors never reported still say
/// so, and the jammed door's alarm is not cleared by the new gateway's first look at the locker.
/// </summary>
public sealed class GatewayRestartDoorTests
{
    [Fact]
    public async Task GatewayKilled_DoorLeftOpenAndJammedDoor_LockerPageShowsThemAfterRestart()
    {
        await using var site = await FaultSite.CreateAsync();
        var first = await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var locker = site.Locker("test-a");

        // A courier opens a door with a drop-off code and leaves it open; another door jams on its drop-off code.
        var open = await site.BookAsync();
        var openDoor = open.Reservation.Compartment!.Value;
        await site.EnterCodeAndWaitOpenAsync("test-a", open.DropoffCode, openDoor);
        var jam = await site.BookAsync();
        var jammedDoor = jam.Reservation.Compartment!.Value;
        locker.Jam(jammedDoor);
        locker.Type(jam.DropoffCode + "#");

        var staff = await site.StaffAsync();
        await WaitDoorsAsync(staff, new() { [openDoor] = "opened", [jammedDoor] = "jammed" }, "the first gateway to show both doors");
        await WaitOpenAlarmAsync(staff, "door_jammed", jammedDoor, "the first gateway to raise the jam alarm");
        await site.WaitJournalsEmptyAsync("the first gateway to confirm the door events");

        await first.KillAsync();
        await site.StartGatewayProcessAsync();
        staff = await site.StaffAsync();

        // A new event makes the new gateway judge the locker's doors (before the fix: from an empty picture, clearing the jam).
        var forcedDoor = new[] { 1, 2, 3, 4 }.Last(door => door != openDoor && door != jammedDoor);
        locker.Force(forcedDoor);
        await WaitOpenAlarmAsync(staff, "door_forced", forcedDoor, "the restarted gateway to raise the forced-door alarm");

        var page = await LockerPageAsync(staff);
        var doors = Doors(page);
        Assert.Equal("opened", doors[openDoor]);
        Assert.Equal("jammed", doors[jammedDoor]);
        Assert.Equal("forced", doors[forcedDoor]);
        // The fourth door never moved: the locker's boot event said it was shut (ADR 0310), and that survives the restart too.
        var untouched = new[] { 1, 2, 3, 4 }.Single(door => door != openDoor && door != jammedDoor && door != forcedDoor);
        Assert.Equal("closed", doors[untouched]);
        Assert.True(page.GetProperty("compartments").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == jammedDoor)
            .GetProperty("doorReportedAt").ValueKind == JsonValueKind.String, "the jammed door's report time is shown");
        Assert.Contains(OpenAlarms(page), alarm => alarm == ("door_jammed", jammedDoor));
        Assert.Equal(0L, await site.ScalarAsync("SELECT COUNT(*) FROM monitoring_alarms WHERE kind = 'door_jammed' AND cleared_at IS NOT NULL"));
    }

    private static async Task<JsonElement> LockerPageAsync(StaffClient staff)
    {
        using var response = await staff.Http.GetAsync("/dashboard/api/lockers/test-a");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Dictionary<int, string> Doors(JsonElement page) => page.GetProperty("compartments").EnumerateArray()
        .ToDictionary(c => c.GetProperty("number").GetInt32(), c => c.GetProperty("door").GetString()!);

    private static IEnumerable<(string Kind, int? Compartment)> OpenAlarms(JsonElement page) => page.GetProperty("alarms").EnumerateArray()
        .Where(a => a.GetProperty("clearedAt").ValueKind == JsonValueKind.Null)
        .Select(a => (a.GetProperty("kind").GetString()!, a.GetProperty("compartment").ValueKind == JsonValueKind.Number
            ? a.GetProperty("compartment").GetInt32() : (int?)null));

    private static Task WaitDoorsAsync(StaffClient staff, Dictionary<int, string> expected, string what) =>
        Wait.UntilAsync(async () =>
        {
            var doors = Doors(await LockerPageAsync(staff));
            return expected.All(pair => doors.GetValueOrDefault(pair.Key) == pair.Value);
        }, FaultSite.Timeout, what);

    private static Task WaitOpenAlarmAsync(StaffClient staff, string kind, int compartment, string what) =>
        Wait.UntilAsync(async () => OpenAlarms(await LockerPageAsync(staff)).Contains((kind, compartment)), FaultSite.Timeout, what);
}

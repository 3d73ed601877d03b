using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>The one call the locker link makes per message: parsed payloads become health changes and alarms.</summary>
public sealed class LockerHealthFeedTests
{
    private static async Task<IReadOnlyList<string>> OpenKindsAsync(MonitoringGateway gateway) =>
        (await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", true, 50)))
            .Select(alarm => alarm.Kind).Order().ToList();

    [Fact]
    public async Task Feed_ProtocolPayloads_ReachTheRules()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        var feed = gateway.Service<LockerHealthFeed>();

        await feed.FeedAsync("test-a", new StatusPayload { State = StatusStates.Online, Firmware = "0.2.0", BootCount = 4 });
        await feed.FeedAsync("test-a", MonitoringGateway.Telemetry(supplyMv: 9_000));
        await feed.FeedAsync("test-a", new LockerEvent { Seq = 1, Kind = EventKinds.Door, Compartment = 2, DoorState = DoorStates.LeftOpen });
        await feed.FeedAsync("test-a", new LockerEvent { Seq = 2, Kind = EventKinds.CommandRefused, CommandId = "c-7", Reason = RefusalReasons.Replay });
        await feed.FeedAsync("test-a", new LockerEvent { Seq = 3, Kind = EventKinds.JournalOverflow, Dropped = 5 });
        await feed.FeedAsync("test-a", new LockerEvent { Seq = 4, Kind = EventKinds.Tamper, Detail = "lid" });
        await feed.FeedAsync("test-a", new CommandResultPayload { CommandId = "c-7", Result = CommandResults.Refused, Reason = RefusalReasons.Replay });

        Assert.Equal(
            [AlarmKinds.CommandRefused, AlarmKinds.DoorLeftOpen, AlarmKinds.JournalOverflow, AlarmKinds.SupplyOutOfRange, AlarmKinds.Tamper],
            await OpenKindsAsync(gateway));
        var health = gateway.Service<LockerHealthState>().Find("test-a")!;
        Assert.Equal(("0.1.0", DoorStates.LeftOpen), (health.Firmware, health.Doors[2])); // telemetry's fw is the latest word
    }

    [Fact]
    public async Task Feed_OfflineStatus_RaisesLockerOffline()
    {
        await using var gateway = await MonitoringGateway.StartAsync();

        await gateway.Service<LockerHealthFeed>().FeedAsync("test-a", new StatusPayload { State = StatusStates.Offline });

        Assert.Equal([AlarmKinds.LockerOffline], await OpenKindsAsync(gateway));
    }
}

using System.Net.Http.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// The attacker of issue 13 with one locker's stolen files: the shipped system (<see cref="ShippedSystem"/>: TLS broker as
/// shipped, gateway with its link), locker test-a provisioned, a parcel ready in it, and a <see cref="RogueLocker"/> (MQTTnet)
/// connected with test-a's certificate, publishing what the real firmware would never publish. Everything it learns it reads
/// from the gateway's store: commands signed, audit lines, alarms.
/// </summary>
public sealed class StolenLocker : IAsyncDisposable
{
    public const string LockerId = "test-a";
    public const string Keypad = "test-a";      // what provisioning records: the locker id ...
    public const string Scanner = "test-a-qr";  // ... and the locker id + "-qr"

    private long _seq = 1000; // above the seqs the test's own door events use
    private long _published;

    private StolenLocker(ShippedSystem system, RogueLocker rogue, IReadOnlyList<(IssuedPickupCodes Codes, int Compartment, string ReservationId)> parcels)
    {
        System = system;
        Rogue = rogue;
        Parcels = parcels;
    }

    public ShippedSystem System { get; }
    public RogueLocker Rogue { get; }

    /// <summary>The parcels ready in test-a: the recipient's codes, the compartment and the reservation.</summary>
    public IReadOnlyList<(IssuedPickupCodes Codes, int Compartment, string ReservationId)> Parcels { get; }

    public IssuedPickupCodes Codes => Parcels[0].Codes;

    private LinkCounters Counters => System.Gateway.Factory.Service<LinkCounters>();

    public static async Task<StolenLocker> StartAsync(
        int parcels = 1, IReadOnlyDictionary<string, string?>? gatewaySettings = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var system = await ShippedSystem.StartAsync(gatewaySettings, test);
        try
        {
            var folder = Path.GetDirectoryName((await system.ProvisionAsync(LockerId)).ConfigPath)!;
            var api = await system.Gateway.CreateApiClientAsync();
            var driver = new LockerDriver(system.Gateway.Factory);
            var ready = new List<(IssuedPickupCodes, int, string)>();
            for (var i = 0; i < parcels; i++)
            {
                var booked = await api.BookAsync(ReservationRequests.Booking(parcel: $"STOLEN-{i}"));
                Assert.Equal(LockerId, booked.Reservation.LockerId);
                ready.Add((await driver.DepositAsync(booked.DropoffCode), booked.Reservation.Compartment!.Value, booked.Reservation.Id));
            }
            var rogue = await RogueLocker.ConnectWithStolenFilesAsync(folder, system.Broker.Host, system.Broker.Port, LockerId);
            return new StolenLocker(system, rogue, ready);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes a code entry as test-a, at <paramref name="reader"/> (default: the real keypad or scanner).</summary>
    public Task EnterAsync(string code, string source = CodeSources.Keypad, string? reader = null) =>
        PublishAsync(LockerEvent.CodeEntered(source, reader ?? (source == CodeSources.Qr ? Scanner : Keypad), code));

    public Task DoorAsync(int compartment, string state) => PublishAsync(LockerEvent.Door(compartment, state));

    public Task PublishAsync(LockerEvent e)
    {
        e.Seq = Interlocked.Increment(ref _seq);
        e.UptimeMs = e.Seq;
        return PublishRawAsync(Topics.Event(LockerId), e.ToJson());
    }

    public async Task PublishRawAsync(string topic, byte[] payload)
    {
        Interlocked.Increment(ref _published);
        await Rogue.PublishAsync(topic, payload);
    }

    /// <summary>Waits until the gateway handled (applied, found duplicate or dropped) every message published so far.</summary>
    public Task WaitForGatewayAsync() => Wait.UntilAsync(
        () => Counters.Handled + Counters.Duplicates + Counters.DroppedTotal >= Interlocked.Read(ref _published),
        ShippedSystem.Timeout, $"the gateway to handle {Interlocked.Read(ref _published)} messages ({Counters})");

    public Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        System.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(1000));

    public async Task<int> CountAuditAsync(string action) => (await AuditAsync()).Count(entry => entry.Action == action);

    /// <summary>The commands the gateway signed for test-a, oldest first.</summary>
    /// <summary>
    /// The signed commands for the stolen locker other than offline code cache pushes (those follow each change at their own
    /// time), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> CommandsAsync() =>
        (await System.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync(LockerId, 1000)))
            .Where(command => command.Action != CommandActions.SyncCodes).Reverse().ToList();

    public async Task<IReadOnlyList<MonitoredAlarm>> OpenAlarmsAsync() =>
        await System.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync(null, openOnly: true, 100));

    public Task WaitForAlarmAsync(string kind) => Wait.UntilAsync(async () => (await OpenAlarmsAsync()).Any(alarm => alarm.Kind == kind),
        ShippedSystem.Timeout, $"the {kind} alarm");

    public async Task<ReservationStatus> ParcelStatusAsync(int index = 0)
    {
        var reservation = await System.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(Parcels[index].ReservationId));
        return reservation!.Status;
    }

    public async ValueTask DisposeAsync()
    {
        await Rogue.DisposeAsync();
        await System.DisposeAsync();
    }
}

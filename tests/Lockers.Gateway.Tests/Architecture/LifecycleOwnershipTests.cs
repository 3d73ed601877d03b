using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Tests.Architecture;

/// <summary>
/// Only the lifecycle changes a reservation (docs/adr/0107-gateway-owners.md): no other code of the gateway assigns a
/// reservation's status, times, window, pause or compartment, or writes a reservation to the store.
/// </summary>
public sealed class LifecycleOwnershipTests
{
    /// <summary>The fields whose changes are lifecycle steps (ReservationTransitions' effects).</summary>
    private static readonly string[] LifecycleFields =
        ["Status", "DepositedAt", "PickupDeadline", "PausedSince", "ExpiredAt", "ClosedAt", "Compartment", "PickupWindowHours", "AccessTokenHash",
            "SiteId", "Kind", "AccessTokenSealed", "PinIndex", "RecipientExtendedHours", "MovedAt", "RedirectedFrom", "RedirectedTo"];

    [Fact]
    public void OnlyTheLifecycle_AssignsAReservationsStatusTimesOrCompartment()
    {
        var setters = LifecycleFields.Select(field => "set_" + field).ToHashSet();

        var assignments = GatewayIl.Methods()
            .Where(m => m.Source.FullName != typeof(ReservationLifecycle).FullName && !IsTheStoresRowReader(m.Method))
            .SelectMany(m => GatewayIl.Calls(m.Method)
                .Where(call => call.DeclaringType.FullName == typeof(Reservation).FullName && setters.Contains(call.Name))
                .Select(call => $"{m.Method.DeclaringType.FullName}.{m.Method.Name} assigns Reservation.{call.Name[4..]}"))
            .Distinct()
            .ToList();

        Assert.True(assignments.Count == 0,
            "Change a reservation through ReservationLifecycle (a row of ReservationTransitions), not directly:\n" + string.Join("\n", assignments));
    }

    [Fact]
    public void OnlyTheLifecycle_WritesReservationsToTheStore()
    {
        var writes = GatewayIl.Methods()
            .Where(m => m.Source.FullName != typeof(ReservationLifecycle).FullName)
            .SelectMany(m => GatewayIl.Calls(m.Method)
                .Where(call => call.DeclaringType.Name == "IReservationRepository" && call.Name is "UpdateAsync" or "InsertAsync")
                .Select(call => $"{m.Source.FullName} calls IReservationRepository.{call.Name}"))
            .Distinct()
            .ToList();

        Assert.True(writes.Count == 0, "Only ReservationLifecycle writes reservations:\n" + string.Join("\n", writes));
    }

    [Fact]
    public void TheCheck_SeesTheLifecyclesOwnAssignments()
    {
        // Guards the two tests above against passing because they see nothing.
        var byLifecycle = GatewayIl.Methods().Where(m => m.Source.FullName == typeof(ReservationLifecycle).FullName)
            .SelectMany(m => GatewayIl.Calls(m.Method)).Select(call => call.Name).ToHashSet();

        Assert.Contains("set_Status", byLifecycle);
        Assert.Contains("set_PickupDeadline", byLifecycle);
        Assert.Contains("UpdateAsync", byLifecycle);
    }

    /// <summary>The SQLite repository rebuilds a stored reservation: it restores values, it changes nothing.</summary>
    private static bool IsTheStoresRowReader(Mono.Cecil.MethodDefinition method) =>
        method.DeclaringType.FullName == "Lockers.Gateway.Store.Sqlite.SqliteReservationRepository" && method.Name == "Read";
}

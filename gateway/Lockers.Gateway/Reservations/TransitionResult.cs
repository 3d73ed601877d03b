using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

// What a step of ReservationLifecycle takes and gives back.

/// <summary>
/// Who caused a transition and what it needs: the hours for Extended (<see cref="ByRecipient"/> when the recipient asked on
/// the parcel page), the compartment for Booked, Relocated, MoveRequested (the target), Resized and Redirected, the site for
/// Redirected, and for a redirect after deposit the id of the reservation that carries the parcel on.
/// </summary>
public sealed record TransitionInput(
    string Actor, int Hours = 0, CompartmentRef? Compartment = null, string? AuditDetail = null, string? SiteId = null,
    bool ByRecipient = false, string? NewReservationId = null);

/// <summary>Codes a transition issued, in clear, to be handed on once (the answer to a booking, a webhook, a test).</summary>
public sealed record IssuedCodes(
    string? DropoffCode = null, IssuedPickupCodes? Pickup = null, string? CollectCode = null, string? AccessToken = null);

/// <summary>What a transition did: <see cref="Reservation"/> as it is now, or <see cref="Refusal"/> saying why nothing happened.</summary>
public sealed record TransitionResult(Reservation Reservation, string? Refusal, IssuedCodes Issued)
{
    public bool Applied => Refusal is null;
}

/// <summary>Another reservation holds the compartment a transition was to hold; the unit of work is rolled back.</summary>
public sealed class CompartmentTakenException(CompartmentRef compartment)
    : InvalidOperationException($"compartment {compartment} is held by another reservation");

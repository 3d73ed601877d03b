using Lockers.Core.Texts;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations.Rounds;

/// <summary>
/// What a round tells the locker next: a door to open (if any) and the keyed display text for the courier
/// (firmware/Lockers.Core/Texts: shown in the locker's own language). The link signs and sends both.
/// </summary>
public sealed record RoundStep(string LockerId, string Reader, int MessageKey, IReadOnlyList<string> Arguments, CompartmentRef? Unlock,
    string? ReservationId, string Actor)
{
    /// <summary>True when this step's unlock tripped the guard's ceiling (a new hold locker health should show).</summary>
    public bool HoldTripped { get; init; }

    /// <summary>
    /// Seconds the text stays on the locker's display as its resting text, the one it returns to after its own messages
    /// (door opened, refused, ...): until the round would be given up as idle (ADR 0311). 0 once the round is over: the text
    /// shows for the display's usual hold, then idle.
    /// </summary>
    public int RestSeconds { get; init; }

    /// <summary>The show_message_key text: key|arg|arg.</summary>
    public string KeyedText => string.Join('|', [MessageKeys.Names[MessageKey], .. Arguments]);
}

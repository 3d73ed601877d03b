namespace Lockers.Gateway.Link;

/// <summary>What <see cref="EventSequencer"/> decided about one event.</summary>
public enum EventClaimOutcome
{
    /// <summary>New, and next in its numbering (or allowed past a gap): apply its effect now, in the same unit of work.</summary>
    Apply,
    /// <summary>Applied before with the same content: a redelivery or a resend; acknowledged again, nothing else.</summary>
    Duplicate,
    /// <summary>Its identity was applied before with other content (a stolen credential publishing at the next seq, say):
    /// not applied, kept for reconciliation, alarmed.</summary>
    Conflict,
    /// <summary>Beyond a gap: not applied yet; the locker keeps it and sends it again after the missing ones.</summary>
    Held,
}

/// <summary>
/// A claim's decision and what follows from it: the ack owed to the locker (<see cref="Epoch"/> applied through
/// <see cref="AppliedThrough"/>, with <see cref="AskReplay"/> to ask for everything after it again) and the alarms the
/// numbering raised (<see cref="Incidents"/>), both for after the commit.
/// </summary>
public sealed record EventClaim(
    EventClaimOutcome Outcome, string Epoch, long AppliedThrough, bool AskReplay, IReadOnlyList<SequenceIncident> Incidents)
{
    public bool ShouldApply => Outcome == EventClaimOutcome.Apply;
}

/// <summary>An alarm the numbering raises: one of the Monitoring alarm kinds, and what happened in words.</summary>
public sealed record SequenceIncident(string Kind, string Detail);

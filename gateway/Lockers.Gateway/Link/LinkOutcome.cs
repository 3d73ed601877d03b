namespace Lockers.Gateway.Link;

/// <summary>What handling one valid locker message did.</summary>
public enum LinkOutcome
{
    /// <summary>It changed state (or was recorded, for events that only inform).</summary>
    Applied,
    /// <summary>This (locker, seq) was applied before: a QoS 1 redelivery or a journal replay; nothing changed.</summary>
    Duplicate,
    /// <summary>Valid, but nothing to do (no pending unlock, a code too old to answer, an unknown command id).</summary>
    NoEffect,
    /// <summary>An event beyond a gap in its locker's numbering: not applied yet, the locker was asked to replay (ADR 0207).</summary>
    Held,
    /// <summary>An event whose identity was applied before with other content: not applied, kept and alarmed.</summary>
    Conflict,
}

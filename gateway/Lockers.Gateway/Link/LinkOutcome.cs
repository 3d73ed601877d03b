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
}

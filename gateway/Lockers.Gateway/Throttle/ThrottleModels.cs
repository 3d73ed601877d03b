namespace Lockers.Gateway.Throttle;

/// <summary>One keypad: failures are counted per keypad so a stranger at one keypad never blocks the others.</summary>
public readonly record struct KeypadRef(string SiteId, string LockerId, string KeypadId)
{
    public override string ToString() => $"{SiteId}/{LockerId}/{KeypadId}";
}

/// <summary>Consecutive failures since the last success, and when the keypad may try again.</summary>
public sealed record KeypadThrottleState(int Failures, DateTimeOffset? BlockedUntil);

using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Throttle;

/// <summary>
/// Growing delays after failed PINs, per keypad and kept in the store. Only keypad entries count: the QR
/// path is never throttled (a 128-bit token cannot be guessed), so a stranger cannot lock the recipient out.
/// </summary>
public sealed class KeypadThrottle(IOptions<ThrottleOptions> options, TimeProvider time)
{
    private readonly ThrottleOptions _options = options.Value;

    /// <summary>How long the keypad must still wait; zero when it may try now.</summary>
    public async Task<TimeSpan> RemainingDelayAsync(IStoreTransaction tx, KeypadRef keypad)
    {
        var state = await tx.Throttle.GetAsync(keypad);
        var now = time.GetStoreNow();
        return state?.BlockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;
    }

    /// <summary>
    /// Counts a failure and audits it. A keypad held back is the pin_throttle alarm's condition: locker health reads the
    /// held keypads from the store (Monitoring/AlarmRules), so there is no alarm to raise here.
    /// </summary>
    public async Task<int> RecordFailureAsync(IStoreTransaction tx, KeypadRef keypad)
    {
        var now = time.GetStoreNow();
        var failures = ((await tx.Throttle.GetAsync(keypad))?.Failures ?? 0) + 1;
        var delay = _options.DelayAfter(failures);
        await tx.Throttle.SaveAsync(keypad, new KeypadThrottleState(failures, delay > TimeSpan.Zero ? now + delay : null));
        await tx.Audit.AppendAsync(new AuditEntry(now, $"keypad:{keypad.KeypadId}", AuditActions.CodeRejected, keypad.SiteId,
            keypad.LockerId, Detail: $"failures={failures} delay={delay.TotalSeconds}s"));
        return failures;
    }

    /// <summary>A right code forgets the keypad's failures.</summary>
    public Task ResetAsync(IStoreTransaction tx, KeypadRef keypad) => tx.Throttle.ResetAsync(keypad);
}

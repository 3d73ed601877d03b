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

    /// <summary>Counts a failure, audits it, and raises an alarm at every <see cref="ThrottleOptions.AlarmAfterFailures"/>.</summary>
    public async Task<int> RecordFailureAsync(IStoreTransaction tx, KeypadRef keypad)
    {
        var now = time.GetStoreNow();
        var failures = ((await tx.Throttle.GetAsync(keypad))?.Failures ?? 0) + 1;
        var delay = _options.DelayAfter(failures);
        await tx.Throttle.SaveAsync(keypad, new KeypadThrottleState(failures, delay > TimeSpan.Zero ? now + delay : null));
        await tx.Audit.AppendAsync(new AuditEntry(now, $"keypad:{keypad.KeypadId}", AuditActions.CodeRejected, keypad.SiteId,
            keypad.LockerId, Detail: $"failures={failures} delay={delay.TotalSeconds}s"));
        if (failures % _options.AlarmAfterFailures == 0)
        {
            await tx.LockerEvents.InsertAlarmAsync(new Alarm(now, "keypad_brute_force", keypad.SiteId, keypad.LockerId, null,
                $"keypad {keypad.KeypadId}: {failures} failed codes in a row"));
        }
        return failures;
    }

    /// <summary>A right code forgets the keypad's failures.</summary>
    public Task ResetAsync(IStoreTransaction tx, KeypadRef keypad) => tx.Throttle.ResetAsync(keypad);
}

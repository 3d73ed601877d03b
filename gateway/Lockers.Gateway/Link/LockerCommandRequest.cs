using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>
/// What to tell one locker, before it gets a counter, an id, an expiry and a signature. <see cref="Entry"/> names the code
/// entry the command answers (the locker runs it only while that entry waits); <see cref="NotAfter"/> caps its expiry (the
/// end of that entry's answer window, also for an unlock sent to another controller of the site, which cannot check the entry).
/// </summary>
public sealed record LockerCommandRequest(
    string LockerId, string Action, int Compartment = 0, bool On = false, string Reader = "", int RetryAfterS = 0, string Text = "")
{
    public long Entry { get; init; }
    public DateTimeOffset? NotAfter { get; init; }
    public long Version { get; init; }
    public int Part { get; init; }
    public int Parts { get; init; }
    public string Codes { get; init; } = "";

    public static LockerCommandRequest Unlock(string lockerId, int compartment) => new(lockerId, CommandActions.Unlock, compartment);

    public static LockerCommandRequest ShowMessage(string lockerId, string reader, string text) =>
        new(lockerId, CommandActions.ShowMessage, Reader: reader, Text: text);

    /// <summary>One part of a locker's offline code cache (<c>sync_codes</c>).</summary>
    public static LockerCommandRequest SyncCodes(string lockerId, long version, int part, int parts, string codes) =>
        new(lockerId, CommandActions.SyncCodes) { Version = version, Part = part, Parts = parts, Codes = codes };

    /// <summary>This request answering code entry <paramref name="entry"/> (0: none), valid at most until <paramref name="notAfter"/>.</summary>
    public LockerCommandRequest Answering(long entry, DateTimeOffset? notAfter) => this with { Entry = entry, NotAfter = notAfter };

    /// <summary>Takes a compartment (0: the whole locker) out of service, or back when <paramref name="outOfService"/> is false.</summary>
    public static LockerCommandRequest OutOfService(string lockerId, int compartment, bool outOfService) =>
        new(lockerId, CommandActions.OutOfService, compartment, On: outOfService);

    public static LockerCommandRequest Deny(string lockerId, string reader, int retryAfterS) =>
        new(lockerId, CommandActions.Deny, Reader: reader, RetryAfterS: retryAfterS);
}

using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>
/// Which reader of which locker is told how a command ended, once its locker answers (cmd/result): the person who typed
/// a code at one controller for a door on another learns "Go to ..." only when that door has opened. <see cref="Entry"/> is
/// that person's code entry and <see cref="NotAfter"/> the end of its answer window: the message names the entry and expires
/// with it, so it is shown only while the person is there (ADR 0018).
/// </summary>
public sealed record CommandReply(string LockerId, string Reader, long Entry = 0, DateTimeOffset? NotAfter = null);

/// <summary>
/// What to tell one locker, before it gets a counter, an id, an expiry and a signature. <see cref="ReplyTo"/> is the
/// gateway's own bookkeeping (never sent): the reader to tell when the locker answers. <see cref="Entry"/> names the code
/// entry the command answers (the locker runs it only while that entry waits); <see cref="NotAfter"/> caps its expiry (the
/// end of that entry's answer window, also for an unlock sent to another controller of the site, which cannot check the entry).
/// </summary>
public sealed record LockerCommandRequest(
    string LockerId, string Action, int Compartment = 0, bool On = false, string Reader = "", int RetryAfterS = 0, string Text = "",
    CommandReply? ReplyTo = null)
{
    public long Entry { get; init; }
    public DateTimeOffset? NotAfter { get; init; }
    public long Version { get; init; }
    public int Part { get; init; }
    public int Parts { get; init; }
    public string Codes { get; init; } = "";

    /// <summary>
    /// Opens a door. <paramref name="staffOverride"/> (sent as <c>on</c>) opens it even when it is out of service: only
    /// for staff (a remote open, a guided move), never in answer to a code.
    /// </summary>
    public static LockerCommandRequest Unlock(string lockerId, int compartment, bool staffOverride = false, CommandReply? replyTo = null) =>
        new(lockerId, CommandActions.Unlock, compartment, On: staffOverride, ReplyTo: replyTo);

    public static LockerCommandRequest ShowMessage(string lockerId, string reader, string text) =>
        new(lockerId, CommandActions.ShowMessage, Reader: reader, Text: text);

    /// <summary>
    /// One of the locker's own texts (firmware/Lockers.Core/Texts), shown in its language: <c>key|arg|arg</c>. With
    /// <paramref name="restSeconds"/> &gt; 0 it stays the display's resting text that long (sent as retry_after_s, ADR 0311).
    /// </summary>
    public static LockerCommandRequest ShowMessageKey(string lockerId, string reader, string keyedText, int restSeconds = 0) =>
        new(lockerId, CommandActions.ShowMessageKey, Reader: reader, RetryAfterS: restSeconds, Text: keyedText);

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

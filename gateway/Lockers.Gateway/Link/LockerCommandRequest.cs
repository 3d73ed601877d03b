using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>What to tell one locker, before it gets a counter, an id, an expiry and a signature.</summary>
public sealed record LockerCommandRequest(
    string LockerId, string Action, int Compartment = 0, bool On = false, string Reader = "", int RetryAfterS = 0, string Text = "")
{
    public static LockerCommandRequest Unlock(string lockerId, int compartment) => new(lockerId, CommandActions.Unlock, compartment);

    public static LockerCommandRequest ShowMessage(string lockerId, string reader, string text) =>
        new(lockerId, CommandActions.ShowMessage, Reader: reader, Text: text);

    /// <summary>One of the locker's own texts (firmware/Lockers.Core/Texts), shown in its language: <c>key|arg|arg</c>.</summary>
    public static LockerCommandRequest ShowMessageKey(string lockerId, string reader, string keyedText) =>
        new(lockerId, CommandActions.ShowMessageKey, Reader: reader, Text: keyedText);

    /// <summary>Takes a compartment (0: the whole locker) out of service, or back when <paramref name="outOfService"/> is false.</summary>
    public static LockerCommandRequest OutOfService(string lockerId, int compartment, bool outOfService) =>
        new(lockerId, CommandActions.OutOfService, compartment, On: outOfService);

    public static LockerCommandRequest Deny(string lockerId, string reader, int retryAfterS) =>
        new(lockerId, CommandActions.Deny, Reader: reader, RetryAfterS: retryAfterS);
}

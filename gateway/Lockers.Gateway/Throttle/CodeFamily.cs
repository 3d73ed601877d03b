using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Throttle;

/// <summary>
/// What a code entry could be, read from its shape alone (the code itself is never known before the check). Each family
/// has its own site budget, so someone guessing PINs cannot stop couriers' drop-off codes, and the other way round.
/// </summary>
public enum CodeFamily
{
    /// <summary>Digits of Codes:PinLength: a recipient's PIN.</summary>
    Pin,
    /// <summary>Digits of Codes:DropoffCodeLength or CollectCodeLength: a courier's drop-off or a carrier's collect code.</summary>
    Dropoff,
    /// <summary>Digits of Codes:CourierPinLength: a courier's PIN, which starts a round (issue 15).</summary>
    CourierPin,
    /// <summary>A 128-bit QR token read by a scanner (22 base64url characters): exempt from every hold, it cannot be guessed.</summary>
    Qr,
    /// <summary>Anything else: it matches no code we issue, but it is still a failed try at the reader.</summary>
    Other,
}

public static class CodeFamilies
{
    /// <summary>Characters of a QR token: 16 bytes in base64url without padding.</summary>
    public const int QrTokenLength = 22;

    /// <summary>
    /// The family of <paramref name="code"/> as entered at a <paramref name="source"/>. A QR-shaped entry from a keypad is
    /// <see cref="CodeFamily.Other"/> (a keypad has no letters, and a QR token is accepted only from a scanner); a PIN length
    /// equal to a drop-off length counts as <see cref="CodeFamily.Pin"/>, the family with the smaller code space, and a
    /// courier PIN the length of either counts as that family. A courier's badge is a QR token (<see cref="CodeFamily.Qr"/>).
    /// </summary>
    public static CodeFamily Classify(string code, CodeSource source, CodesOptions codes)
    {
        if (code.Length > 0 && code.All(char.IsAsciiDigit))
        {
            if (code.Length == codes.PinLength)
            {
                return CodeFamily.Pin;
            }
            if (code.Length == codes.DropoffCodeLength || code.Length == codes.CollectCodeLength)
            {
                return CodeFamily.Dropoff;
            }
            if (code.Length == codes.CourierPinLength)
            {
                return CodeFamily.CourierPin;
            }
            return CodeFamily.Other;
        }
        var qrShaped = code.Length == QrTokenLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return qrShaped && source == CodeSource.Qr ? CodeFamily.Qr : CodeFamily.Other;
    }

    /// <summary>Only QR tokens are exempt: every short code, typed or scanned, counts and can be held back.</summary>
    public static bool IsThrottled(this CodeFamily family) => family != CodeFamily.Qr;

    /// <summary>The families a site budget guards: those that can match a guessable code.</summary>
    public static bool HasSiteBudget(this CodeFamily family) => family is CodeFamily.Pin or CodeFamily.Dropoff or CodeFamily.CourierPin;

    /// <summary>The stored and logged name ("pin", "dropoff", "courier_pin", "qr", "other").</summary>
    public static string Name(this CodeFamily family) => family == CodeFamily.CourierPin ? "courier_pin" : family.ToString().ToLowerInvariant();

    /// <summary>The family of a stored <see cref="Name"/>.</summary>
    public static CodeFamily FromName(string name) =>
        Enum.GetValues<CodeFamily>().Where(f => f.Name() == name).Select(f => (CodeFamily?)f).FirstOrDefault()
        ?? throw new FormatException($"unknown code family '{name}'");
}

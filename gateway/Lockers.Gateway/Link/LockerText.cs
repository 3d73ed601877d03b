using System.Globalization;
using System.Text.Unicode;
using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Link;

/// <summary>
/// What text a locker may send (ADR 0109), checked before anything of a message is stored or logged: the payload is
/// strict UTF-8 (the protocol parser alone would turn bad bytes into U+FFFD), and every string field is printable (no
/// control, format, surrogate, private-use or unassigned characters: nothing that rewrites a log line or hides itself in
/// the audit trail) and within its length. Identifiers keep the protocol's id alphabet, codes printable ASCII (all the
/// scanner's line reader passes). The genuine firmware never sends anything else, so a message that breaks these rules
/// is a lie or corruption: it is dropped and counted, and locker health raises claim_refused.
/// </summary>
public static class LockerText
{
    public const int MaxCodeLength = 256;       // the scanner's longest line (Lockers.Core ScannerLineReader)
    public const int MaxFirmwareLength = 32;
    public const int MaxWordLength = 64;        // kinds, reasons, results, command ids
    public const int MaxDetailLength = 200;     // tamper detail, free text

    /// <summary>Null when <paramref name="utf8"/> is well-formed UTF-8; otherwise where it is not.</summary>
    public static string? CheckUtf8(ReadOnlySpan<byte> utf8) =>
        Utf8.IsValid(utf8) ? null : AlarmDetails.English("AlarmPart.NotUtf8");

    /// <summary>Null when every string of the parsed payload is acceptable; otherwise the field and why (never the text itself).</summary>
    public static string? Check(object payload) => payload switch
    {
        LockerEvent e => CheckEvent(e),
        StatusPayload status => Printable(Fields.Firmware, status.Firmware, MaxFirmwareLength),
        TelemetryPayload telemetry => Printable(Fields.Firmware, telemetry.Firmware, MaxFirmwareLength),
        CommandResultPayload result => Word(Fields.Id, result.CommandId) ?? Word(Fields.Result, result.Result)
            ?? Word(Fields.Reason, result.Reason),
        _ => null,
    };

    private static string? CheckEvent(LockerEvent e) =>
        Word(Fields.Kind, e.Kind)
        ?? (e.Kind == EventKinds.CodeEntered ? Id(Fields.Reader, e.Reader) ?? Ascii(Fields.Code, e.Code, MaxCodeLength) : null)
        ?? Word(Fields.CommandId, e.CommandId) ?? Word(Fields.Reason, e.Reason)
        ?? Printable(Fields.Detail, e.Detail, MaxDetailLength) ?? Printable(Fields.Firmware, e.Firmware, MaxFirmwareLength);

    /// <summary>A reader, locker or site id: the protocol's id alphabet.</summary>
    private static string? Id(string field, string value) =>
        Topics.IsValidLockerId(value) ? null : AlarmDetails.English("AlarmPart.NotAnId", field, Topics.MaxLockerIdLength);

    /// <summary>A protocol word (kind, reason, result, command id): printable ASCII without spaces.</summary>
    private static string? Word(string field, string value) =>
        value.Length > MaxWordLength ? TooLong(field, value, MaxWordLength)
        : value.All(c => c is > ' ' and <= '~') ? null : AlarmDetails.English("AlarmPart.NotWord", field);

    private static string? Ascii(string field, string value, int max) =>
        value.Length > max ? TooLong(field, value, max)
        : value.All(c => c is >= ' ' and <= '~') ? null : AlarmDetails.English("AlarmPart.NotAscii", field);

    private static string? Printable(string field, string value, int max)
    {
        if (value.Length > max)
        {
            return TooLong(field, value, max);
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsPrintable(value, i, out var width))
            {
                var codePoint = width == 2 ? char.ConvertToUtf32(value, i) : value[i];
                return AlarmDetails.English("AlarmPart.NotPrintable", field, i + 1, codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
            i += width - 1;
        }
        return null;
    }

    private static bool IsPrintable(string value, int index, out int width)
    {
        width = 1;
        if (char.IsSurrogate(value[index]))
        {
            if (!char.IsSurrogatePair(value, index))
            {
                return false;
            }
            width = 2;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(value, index);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator);
    }

    private static string TooLong(string field, string value, int max) =>
        AlarmDetails.English("AlarmPart.TooLong", field, value.Length, max);
}

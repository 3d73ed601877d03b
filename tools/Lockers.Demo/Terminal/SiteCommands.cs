using System.Globalization;
using System.Text.RegularExpressions;
using Lockers.Simulator.Locker;

namespace Lockers.Demo.Terminal;

/// <summary>
/// One line typed at the demo's prompt. Keys: <c>a 123456#</c>, <c>a 1 2 3 4 5 6 #</c> or <c>a:123456#</c> (digits,
/// * clears, # submits, on locker A's keypad). Commands: <c>scan b TEXT</c>, <c>close|jam|unjam|force a N</c>,
/// <c>book [S|M|L|XL]</c>, <c>codes</c>, <c>show</c>, <c>wait SECONDS</c>, <c>help</c>, <c>quit</c>.
/// </summary>
public static class SiteCommands
{
    public const string Help =
        "a 123456#        type keys on locker A's keypad (also: a 1 2 3 4 5 6 #, a:123456#); * clears, # submits\n" +
        "scan b TEXT      hold a QR code with TEXT in front of locker B's scanner\n" +
        "close a 3        close door 3 of locker A      force b 5   pry door 5 of B open\n" +
        "jam a 3          jam door 3 (unjam a 3 frees it)\n" +
        "book M           book another parcel (S, M, L, XL)   codes   what to do next   show   redraw\n" +
        "wait 3           (scripts) pause 3 seconds; $code1 $pin1 $qr1 $door1 stand for parcel 1's codes and door, $badge $courierpin for the courier\n" +
        "quit             stop everything (Ctrl+C does the same)";

    /// <summary>The result of one line: a message ("" when none) and whether to stop.</summary>
    public sealed record Outcome(string Message, bool Quit = false);

    public static async Task<Outcome> ApplyAsync(DemoSession session, string line)
    {
        var text = Substitute(session, line.Trim());
        if (text.Length == 0)
        {
            return new Outcome("");
        }

        // "a:123456#" is "a 123456#".
        if (text.Length > 2 && text[1] == ':' && char.IsAsciiLetter(text[0]))
        {
            text = text[0] + " " + text[2..];
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var verb = words[0].ToLowerInvariant();
        switch (verb)
        {
            case "quit" or "exit":
                return new Outcome("", Quit: true);
            case "help" or "?":
                return new Outcome(Help);
            case "codes":
                return new Outcome("What you can do:\n" + Guide.ForAll(session.Read(s => s.Parcels.ToList())) + Guide.CourierBadgeLine(session.State));
            case "show":
                return new Outcome("");
            case "wait" when words.Length == 2 && int.TryParse(words[1], out var seconds) && seconds is >= 0 and <= 300:
                // For scripts: let the gateway and the lockers answer before the next line.
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                return new Outcome("");
            case "book":
                var size = words.Length > 1 ? words[1].ToUpperInvariant() : "M";
                var parcel = await session.BookAsync(size, "demo@example.com");
                return new Outcome($"booked {parcel.ParcelReference} ({parcel.Size}): {Guide.CourierLine(parcel)}");
            case "scan" when words.Length >= 3 && Locker(session, words[1]) is { } scanner:
                scanner.Scan(string.Join(' ', words[2..]));
                return new Outcome("");
            case "close" or "jam" or "unjam" or "force" when words.Length == 3 && Locker(session, words[1]) is { } locker:
                return new Outcome(ApplyToDoor(locker, verb, words[2]));
        }

        if (verb.Length == 1 && Locker(session, verb) is { } keypad && words.Length > 1)
        {
            var keys = string.Concat(words[1..]);
            if (keys.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
            {
                keypad.Type(keys);
                return new Outcome("");
            }
        }

        return new Outcome($"unknown input '{text}' (type help)");
    }

    /// <summary>
    /// For scripts, which cannot know the codes in advance: <c>$code2</c>, <c>$pin2</c>, <c>$qr2</c> stand for parcel 2's
    /// drop-off code, PIN and QR token, <c>$door2</c> for its door ("a 3"), <c>$badge</c> and <c>$courierpin</c> for the
    /// site's courier; unknown ones stay as typed.
    /// </summary>
    public static string Substitute(DemoSession session, string text) =>
        Regex.Replace(text.Replace("$badge", session.Read(s => s.CourierBadge) ?? "$badge", StringComparison.Ordinal)
                .Replace("$courierpin", session.Read(s => s.CourierPin) ?? "$courierpin", StringComparison.Ordinal),
            @"\$(code|pin|qr|door)([0-9]+)", match =>
        {
            var parcels = session.Read(s => s.Parcels.ToList());
            var index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) - 1;
            if (index < 0 || index >= parcels.Count)
            {
                return match.Value;
            }

            var parcel = parcels[index];
            return match.Groups[1].Value switch
            {
                "code" => parcel.DropoffCode,
                "pin" => parcel.PickupPin ?? match.Value,
                "qr" => parcel.QrToken ?? match.Value,
                _ => $"{char.ToLowerInvariant(DemoSession.LetterOf(parcel.LockerId!))} {parcel.Compartment}",
            };
        });

    private static SimulatedLocker? Locker(DemoSession session, string name) =>
        name.Length == 1 && session.Lockers.TryGetValue(char.ToUpperInvariant(name[0]), out var locker) ? locker : null;

    private static string ApplyToDoor(SimulatedLocker locker, string verb, string argument)
    {
        if (!int.TryParse(argument, out var number) || !locker.Cabinet.Contains(number))
        {
            return $"{verb}: no door '{argument}' (doors 1..{locker.Cabinet.Doors.Count})";
        }

        switch (verb)
        {
            case "close": locker.Close(number); break;
            case "jam": locker.Jam(number); break;
            case "unjam": locker.Jam(number, false); break;
            default: locker.Force(number); break;
        }

        return "";
    }
}

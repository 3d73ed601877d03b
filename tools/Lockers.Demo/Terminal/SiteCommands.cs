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
                if (size is not ("S" or "M" or "L" or "XL"))
                {
                    return new Outcome($"book: the size is S, M, L or XL (not '{words[1]}')");
                }
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
                var letter = char.ToUpperInvariant(verb[0]);
                return new Outcome(keys.EndsWith('#')
                    ? ""  // the locker's display answers (checking, then the gateway's answer)
                    : $"typed {keys.Length} key(s) on locker {letter}'s keypad; nothing is sent until # (type {verb} # to submit, * to clear)");
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

    private static string Letter(SimulatedLocker locker) => char.ToLowerInvariant(DemoSession.LetterOf(locker.LockerId)).ToString();

    private static SimulatedLocker? Locker(DemoSession session, string name) =>
        name.Length == 1 && session.Lockers.TryGetValue(char.ToUpperInvariant(name[0]), out var locker) ? locker : null;

    private static string ApplyToDoor(SimulatedLocker locker, string verb, string argument)
    {
        if (!int.TryParse(argument, out var number) || !locker.Cabinet.Contains(number))
        {
            return $"{verb}: no door '{argument}' (doors 1..{locker.Cabinet.Doors.Count})";
        }

        var door = locker.Cabinet[number];
        var name = $"door {number} of locker {DemoSession.LetterOf(locker.LockerId)}";
        switch (verb)
        {
            case "close" when !door.IsOpen:
                return $"{name} is already shut";
            case "close":
                locker.Close(number);
                return $"closed {name}";
            case "jam":
                locker.Jam(number);
                return $"jammed {name}: its next unlock will not open it (the display says so, the code stays valid); 'unjam {Letter(locker)} {number}' frees it";
            case "unjam":
                locker.Jam(number, false);
                return $"{name} is free again: the next unlock opens it";
            default:
                if (door.IsOpen)
                {
                    return $"{name} is already open";
                }
                locker.Force(number);
                return $"pried {name} open without an unlock: the gateway raises a door_forced alarm (see the dashboard)";
        }
    }
}

using Lockers.Simulator.Locker;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// One line typed at the simulator's prompt, applied to a locker. Keys: any run of digits, '*' and '#'
/// ("123456#"). Commands: scan TEXT, close N, jam N, unjam N, force N, power (cut and restore), help, quit.
/// </summary>
public static class TerminalInput
{
    /// <summary>The help text.</summary>
    public const string Help =
        "123456#      type keys on the keypad (digits, * clears, # submits)\n" +
        "scan TEXT    hold a QR code with TEXT in front of the scanner\n" +
        "close N      close door N            jam N / unjam N   jam or free door N\n" +
        "force N      pry door N open         power             power cut, then power on again\n" +
        "quit         shut down cleanly";

    /// <summary>Applies <paramref name="line"/>; returns a message for the user ("" when none) and whether to quit.</summary>
    public static async Task<(string Message, bool Quit)> ApplyAsync(SimulatedLocker locker, string line)
    {
        var words = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return ("", false);
        string verb = words[0].ToLowerInvariant();
        string argument = words.Length > 1 ? words[1] : "";
        if (verb.All(c => char.IsAsciiDigit(c) || c is '*' or '#'))
        {
            locker.Type(verb);
            return ("", false);
        }

        switch (verb)
        {
            case "quit" or "exit":
                return ("", true);
            case "help" or "?":
                return (Help, false);
            case "scan" when argument.Length > 0:
                locker.Scan(argument);
                return ("", false);
            case "power":
                await locker.PowerCycleAsync();
                return ("power cut and restored", false);
            case "close" or "jam" or "unjam" or "force":
                return (ApplyToDoor(locker, verb, argument), false);
            default:
                return ($"unknown input '{line.Trim()}' (type help)", false);
        }
    }

    private static string ApplyToDoor(SimulatedLocker locker, string verb, string argument)
    {
        if (!int.TryParse(argument, out int number) || !locker.Cabinet.Contains(number))
        {
            return $"{verb}: no door '{argument}' (doors: {string.Join(", ", locker.Cabinet.Doors.Select(d => d.Compartment))})";
        }

        var door = locker.Cabinet[number];
        switch (verb)
        {
            case "close": door.Close(); break;
            case "jam": door.Jam(); break;
            case "unjam": door.Jam(false); break;
            default: door.Force(); break;
        }

        return "";
    }
}

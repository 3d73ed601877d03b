using System.Globalization;

namespace Lockers.Controller.Linux.Hosting;

/// <summary>The command line: <c>--config FILE [--board FILE] [--storage DIR] [--gpio-chip N]</c>.</summary>
public sealed class RunArguments
{
    /// <summary>The device config (locker.json).</summary>
    public string ConfigPath { get; private init; } = "";

    /// <summary>The board file; null: the file the config names, next to the config.</summary>
    public string? BoardPath { get; private init; }

    /// <summary>The controller's storage folder.</summary>
    public string StorageDirectory { get; private init; } = "/var/lib/lockers";

    /// <summary>The GPIO chip (/dev/gpiochipN) the header pins are on.</summary>
    public int GpioChip { get; private init; }

    /// <summary>Parses <paramref name="args"/>; on a mistake writes the usage to <paramref name="error"/> and returns null.</summary>
    public static RunArguments? Parse(string[] args, TextWriter error)
    {
        string? config = null, board = null, storage = null;
        int chip = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--config" when value is not null: config = value; i++; break;
                case "--board" when value is not null: board = value; i++; break;
                case "--storage" when value is not null: storage = value; i++; break;
                case "--gpio-chip" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out chip): i++; break;
                default:
                    error.WriteLine($"lockers-controller: unexpected '{args[i]}'");
                    return Usage(error);
            }
        }

        if (config is null)
        {
            error.WriteLine("lockers-controller: --config is required");
            return Usage(error);
        }

        return new RunArguments { ConfigPath = config, BoardPath = board, StorageDirectory = storage ?? "/var/lib/lockers", GpioChip = chip };
    }

    private static RunArguments? Usage(TextWriter error)
    {
        error.WriteLine("usage: lockers-controller --config /etc/lockers/locker.json [--board FILE] [--storage /var/lib/lockers] [--gpio-chip 0]");
        return null;
    }
}

using System.Globalization;

namespace Lockers.Bench;

/// <summary>Option values of the benchmarks' command lines: positive whole numbers and comma-separated lists of them.</summary>
public static class BenchArgs
{
    public static int Positive(IReadOnlyList<string> args, int index, string usage)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{args[index - 1]} needs a positive whole number.\n{usage}");
        }

        return value;
    }

    public static IReadOnlyList<int> PositiveList(IReadOnlyList<string> args, int index, string usage)
    {
        if (index >= args.Count)
        {
            throw new ArgumentException($"{args[index - 1]} needs a comma-separated list of positive whole numbers.\n{usage}");
        }

        var values = new List<int>();
        foreach (var part in args[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"{args[index - 1]} needs a comma-separated list of positive whole numbers.\n{usage}");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new ArgumentException($"{args[index - 1]} needs at least one number.\n{usage}");
    }

    /// <summary>A gateway setting for --set: Section:Key=value.</summary>
    public static string Setting(IReadOnlyList<string> args, int index, string usage) =>
        index < args.Count && args[index].IndexOf('=', StringComparison.Ordinal) > 0
            ? args[index]
            : throw new ArgumentException($"--set needs Section:Key=value (a gateway setting).\n{usage}");

    /// <summary>The --set options of a command line.</summary>
    public static string SetOptions(IReadOnlyList<string> settings) => string.Concat(settings.Select(setting => " --set " + setting));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

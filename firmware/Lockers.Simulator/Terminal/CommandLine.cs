namespace Lockers.Simulator.Terminal;

/// <summary>The simulator's "--name value" options, read by hand (the tool has few, and each is checked where it is used).</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>Parses "--name value" pairs; throws <see cref="ArgumentException"/> for anything else.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            line._values[args[i][2..]] = args[++i];
        }

        return line;
    }

    /// <summary>Whether the option was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Refuses any option not in <paramref name="allowed"/>, naming it and <paramref name="context"/> (a typo must not be ignored).</summary>
    public void AllowOnly(string context, params string[] allowed)
    {
        foreach (var name in _values.Keys.Order(StringComparer.Ordinal))
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--{name} does not apply to {context}");
            }
        }
    }

    /// <summary>A required option.</summary>
    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    /// <summary>An optional option, or <paramref name="fallback"/>.</summary>
    public string? Optional(string name, string? fallback = null) => _values.TryGetValue(name, out var value) ? value : fallback;

    /// <summary>An optional whole number.</summary>
    public int Number(string name, int fallback)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return int.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be a whole number (got '{text}')");
    }

    /// <summary>An optional whole number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int Number(string name, int fallback, int min, int max)
    {
        int value = Number(name, fallback);
        return value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be {min}..{max} (got {value})");
    }

    /// <summary>An optional "host:port" broker address.</summary>
    public (string Host, int Port)? Broker(string name = "broker")
    {
        var text = Optional(name);
        if (text is null) return null;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"--{name} must be host:port (got '{text}')");
        }

        return (text[..colon], port);
    }
}

using System.Globalization;

namespace Lockers.Demo;

/// <summary>
/// The demo's command line: <c>--root DIR [--data DIR] [--port 18830] [--http-port 18080] [--webhook-port 18081]
/// [--script FILE] [--once]</c>. Ports given here win over the ones remembered from the first run, except the webhook
/// port, which the gateway keeps in the API client's webhook URL.
/// </summary>
public sealed class DemoOptions
{
    public const int DefaultBrokerPort = 18830;
    public const int DefaultHttpPort = 18080;
    public const int DefaultWebhookPort = 18081;

    public const string Usage =
        "usage: ./lockers demo [--port 18830] [--http-port 18080] [--webhook-port 18081] [--data DIR] [--script FILE] [--once]\n" +
        "  --port          the broker's port on 127.0.0.1\n" +
        "  --http-port     the gateway's port on 127.0.0.1\n" +
        "  --webhook-port  the demo's webhook receiver (first run only: the gateway keeps the URL)\n" +
        "  --data          data directory (default <repo>/.data/demo; delete it to start over)\n" +
        "  --script FILE   read the site commands from FILE instead of the terminal, then stop\n" +
        "  --once          set up, start, book, print what to do, then stop";

    /// <summary>The repository root (board files, the broker template, the gateway's build output).</summary>
    public required string Root { get; init; }

    /// <summary>Everything the demo keeps: broker files, the gateway's database and pepper, lockers' flash, demo.json.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Broker port; null: remembered, else <see cref="DefaultBrokerPort"/>.</summary>
    public int? BrokerPort { get; init; }

    /// <summary>Gateway HTTP port; null: remembered, else <see cref="DefaultHttpPort"/>.</summary>
    public int? HttpPort { get; init; }

    /// <summary>Webhook receiver port for the first run; later runs use the remembered one.</summary>
    public int? WebhookPort { get; init; }

    /// <summary>Commands to run instead of reading the terminal.</summary>
    public string? ScriptFile { get; init; }

    /// <summary>Set up, book, print, stop.</summary>
    public bool Once { get; init; }

    /// <summary>The gateway's dll; null: the Release build under the root, else the Debug one.</summary>
    public string? GatewayDll { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        string? root = null, data = null, script = null;
        int? port = null, http = null, webhook = null;
        var once = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--root": root = Value(); break;
                case "--data": data = Value(); break;
                case "--script": script = Value(); break;
                case "--port": port = Port(args[i], Value()); break;
                case "--http-port": http = Port(args[i], Value()); break;
                case "--webhook-port": webhook = Port(args[i], Value()); break;
                case "--once": once = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        root = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        return new DemoOptions
        {
            Root = root,
            DataDirectory = Path.GetFullPath(data ?? Path.Combine(root, ".data", "demo")),
            BrokerPort = port,
            HttpPort = http,
            WebhookPort = webhook,
            ScriptFile = script,
            Once = once,
        };
    }

    private static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ArgumentException($"{name} must be 1..65535 (got '{text}')");
}

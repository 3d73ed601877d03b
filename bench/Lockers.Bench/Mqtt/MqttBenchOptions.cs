namespace Lockers.Bench.Mqtt;

/// <summary>Sizes of `./lockers bench mqtt`. The same sizes drive our client and MQTT.js.</summary>
public sealed record MqttBenchOptions
{
    /// <summary>QoS 1 messages in the timed throughput run.</summary>
    public int Messages { get; init; } = 50_000;

    /// <summary>Most unacknowledged publishes at a time, for every client (ours, MQTT.js, mosquitto_pub -M).</summary>
    public int Window { get; init; } = 100;

    /// <summary>Payload bytes per message.</summary>
    public int PayloadSize { get; init; } = 100;

    /// <summary>How often each client's throughput run is repeated (alternating clients); the report shows medians.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Sequential publish-to-receive round trips that are timed.</summary>
    public int RoundTrips { get; init; } = 2_000;

    /// <summary>Untimed messages first, so both runtimes have compiled their hot paths (JIT) before the clock starts.</summary>
    public int ThroughputWarmup { get; init; } = 10_000;

    /// <summary>Untimed round trips first, for the same reason.</summary>
    public int RoundTripWarmup { get; init; } = 200;

    /// <summary>Whether the run also measures mosquitto_pub (C, libmosquitto) as a baseline of what the broker allows.</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>True when made by --quick: smoke-run sizes, figures meaningless.</summary>
    public bool Quick { get; init; }

    /// <summary>A few hundred messages: proves the benchmark works, measures nothing.</summary>
    public static MqttBenchOptions QuickRun { get; } = new()
    {
        Messages = 300, RoundTrips = 50, ThroughputWarmup = 50, RoundTripWarmup = 10, Rounds = 1, Quick = true,
    };

    /// <summary>The command that reproduces a run with these options.</summary>
    public string CommandLine => Quick
        ? "./lockers bench mqtt --quick"
        : $"./lockers bench mqtt --messages {Messages} --roundtrips {RoundTrips} --window {Window} --size {PayloadSize} --rounds {Rounds}"
          + (Baseline ? "" : " --no-baseline");

    /// <summary>Parses --messages N, --roundtrips N, --window N, --size N, --rounds N, --no-baseline, --quick; throws <see cref="ArgumentException"/> with usage.</summary>
    public static MqttBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : new MqttBenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--no-baseline":
                    options = options with { Baseline = false };
                    break;
                case "--messages":
                    options = options with { Messages = Positive(args, ++i) };
                    break;
                case "--roundtrips":
                    options = options with { RoundTrips = Positive(args, ++i) };
                    break;
                case "--rounds":
                    options = options with { Rounds = Positive(args, ++i) };
                    break;
                case "--window":
                    options = options with { Window = Positive(args, ++i) };
                    break;
                case "--size":
                    options = options with { PayloadSize = Math.Max(12, Positive(args, ++i)) };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}");
            }
        }

        return options;
    }

    public const string Usage =
        "Usage: ./lockers bench mqtt [--messages 50000] [--roundtrips 2000] [--window 100] [--size 100] [--rounds 3] [--no-baseline] [--quick]";

    private static int Positive(IReadOnlyList<string> args, int index) => BenchArgs.Positive(args, index, Usage);
}

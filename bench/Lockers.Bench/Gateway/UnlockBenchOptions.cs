namespace Lockers.Bench.Gateway;

/// <summary>Sizes of `./lockers bench unlock`.</summary>
public sealed record UnlockBenchOptions
{
    public const string Usage =
        "Usage: ./lockers bench unlock [--lockers 1000] [--roundtrips 2000] [--warmup 200] [--telemetry-s 300] [--set Section:Key=value]... [--transport tls|plain|both] [--quick]";

    /// <summary>Connected simulated lockers, each with one parcel waiting (its PIN is what is typed).</summary>
    public int Lockers { get; init; } = 1_000;

    /// <summary>Timed round trips per phase (bare MQTT, then gateway).</summary>
    public int RoundTrips { get; init; } = 2_000;

    /// <summary>Untimed round trips first in each phase (JIT, connection pools, SQLite page cache).</summary>
    public int Warmup { get; init; } = 200;

    /// <summary>Seconds between telemetry reports of one locker: DeviceConfig.DefaultTelemetryS in production.</summary>
    public int TelemetrySeconds { get; init; } = global::Lockers.Core.Config.DeviceConfig.DefaultTelemetryS;

    /// <summary>Gateway settings to start it with (--set Section:Key=value, repeatable), to measure what a setting changes.</summary>
    public IReadOnlyList<string> GatewaySettings { get; init; } = [];

    public bool Quick { get; init; }

    /// <summary>How lockers and gateway reach the broker (set by `--transport`, parsed by GatewayCommand).</summary>
    public BenchTransport Transport { get; init; } = BenchTransport.Tls;

    /// <summary>A few lockers and round trips: proves the benchmark works, measures nothing.</summary>
    public static UnlockBenchOptions QuickRun { get; } = new() { Lockers = 4, RoundTrips = 20, Warmup = 4, TelemetrySeconds = 2, Quick = true };

    public string CommandLine => (Quick
        ? "./lockers bench unlock --quick"
        : BenchArgs.Invariant($"./lockers bench unlock --lockers {Lockers} --roundtrips {RoundTrips} --warmup {Warmup} --telemetry-s {TelemetrySeconds}")
          + BenchArgs.SetOptions(GatewaySettings)) + BenchTransports.Option(Transport);

    public static UnlockBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : new UnlockBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--set" => options with { GatewaySettings = [.. options.GatewaySettings, BenchArgs.Setting(args, ++i, Usage)] },
                "--lockers" => options with { Lockers = BenchArgs.Positive(args, ++i, Usage) },
                "--roundtrips" => options with { RoundTrips = BenchArgs.Positive(args, ++i, Usage) },
                "--warmup" => options with { Warmup = BenchArgs.Positive(args, ++i, Usage) },
                "--telemetry-s" => options with { TelemetrySeconds = BenchArgs.Positive(args, ++i, Usage) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }
}

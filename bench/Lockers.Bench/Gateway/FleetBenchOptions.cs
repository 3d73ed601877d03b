namespace Lockers.Bench.Gateway;

/// <summary>Sizes of `./lockers bench fleet`.</summary>
public sealed record FleetBenchOptions
{
    public const string Usage =
        "Usage: ./lockers bench fleet [--steps 1000,5000,10000,20000] [--roundtrips 300] [--measure-s 30] [--telemetry-s 300] [--set Section:Key=value]... [--transport tls|plain|both] [--quick]";

    /// <summary>Connected lockers at each step, ascending.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [1_000, 5_000, 10_000, 20_000];

    /// <summary>Timed unlock round trips at each step (after 100 untimed).</summary>
    public int RoundTrips { get; init; } = 300;

    /// <summary>Seconds of steady state (telemetry and keep-alives only) over which the gateway's CPU is read at each step.</summary>
    public int MeasureSeconds { get; init; } = 30;

    public int TelemetrySeconds { get; init; } = global::Lockers.Core.Config.DeviceConfig.DefaultTelemetryS;

    /// <summary>Gateway settings to start it with (--set Section:Key=value, repeatable), to measure what a setting changes.</summary>
    public IReadOnlyList<string> GatewaySettings { get; init; } = [];

    public bool Quick { get; init; }

    /// <summary>How lockers and gateway reach the broker (set by `--transport`, parsed by GatewayCommand).</summary>
    public BenchTransport Transport { get; init; } = BenchTransport.Tls;

    public static FleetBenchOptions QuickRun { get; } = new()
    {
        Steps = [3, 6], RoundTrips = 10, MeasureSeconds = 1, TelemetrySeconds = 2, Quick = true,
    };

    public string CommandLine => (Quick
        ? "./lockers bench fleet --quick"
        : BenchArgs.Invariant($"./lockers bench fleet --steps {string.Join(',', Steps)} --roundtrips {RoundTrips} --measure-s {MeasureSeconds} --telemetry-s {TelemetrySeconds}")
          + BenchArgs.SetOptions(GatewaySettings)) + BenchTransports.Option(Transport);

    public static FleetBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : new FleetBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--set" => options with { GatewaySettings = [.. options.GatewaySettings, BenchArgs.Setting(args, ++i, Usage)] },
                "--steps" => options with { Steps = BenchArgs.PositiveList(args, ++i, Usage).Order().ToArray() },
                "--roundtrips" => options with { RoundTrips = BenchArgs.Positive(args, ++i, Usage) },
                "--measure-s" => options with { MeasureSeconds = BenchArgs.Positive(args, ++i, Usage) },
                "--telemetry-s" => options with { TelemetrySeconds = BenchArgs.Positive(args, ++i, Usage) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }
}

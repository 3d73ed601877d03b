namespace Lockers.Bench.Gateway;

/// <summary>Sizes of `./lockers bench pickup`.</summary>
public sealed record PickupBenchOptions
{
    public const string Usage =
        "Usage: ./lockers bench pickup [--lockers 1000] [--compartments 32] [--duration 30] [--rate N | --start-rate 50 --step-seconds 5] [--max-p99-ms 50] [--telemetry-s 300] [--set Section:Key=value]... [--transport tls|plain|both] [--quick]";

    /// <summary>Connected simulated lockers.</summary>
    public int Lockers { get; init; } = 1_000;

    /// <summary>Compartments per locker, each with a parcel ready: lockers x compartments is how many pickups the run can make.</summary>
    public int Compartments { get; init; } = 32;

    /// <summary>Seconds of the sustained phase.</summary>
    public int DurationSeconds { get; init; } = 30;

    /// <summary>Offered pickups per second for the sustained phase; 0 = find it by ramping (doubling from <see cref="StartRate"/>).</summary>
    public int Rate { get; init; }

    public int StartRate { get; init; } = 50;

    public int StepSeconds { get; init; } = 5;

    /// <summary>A ramp step passes while the code-to-unlock p99 stays at or below this.</summary>
    public int MaxP99Ms { get; init; } = 50;

    public int TelemetrySeconds { get; init; } = global::Lockers.Core.Config.DeviceConfig.DefaultTelemetryS;

    /// <summary>Gateway settings to start it with (--set Section:Key=value, repeatable), to measure what a setting changes.</summary>
    public IReadOnlyList<string> GatewaySettings { get; init; } = [];

    public bool Quick { get; init; }

    /// <summary>How lockers and gateway reach the broker (set by `--transport`, parsed by GatewayCommand).</summary>
    public BenchTransport Transport { get; init; } = BenchTransport.Tls;

    public static PickupBenchOptions QuickRun { get; } = new()
    {
        Lockers = 4, Compartments = 8, DurationSeconds = 2, Rate = 5, TelemetrySeconds = 2, Quick = true,
    };

    public string CommandLine => (Quick
        ? "./lockers bench pickup --quick"
        : BenchArgs.Invariant($"./lockers bench pickup --lockers {Lockers} --compartments {Compartments} --duration {DurationSeconds} ")
          + (Rate > 0 ? BenchArgs.Invariant($"--rate {Rate}") : BenchArgs.Invariant($"--start-rate {StartRate} --step-seconds {StepSeconds}"))
          + BenchArgs.Invariant($" --max-p99-ms {MaxP99Ms} --telemetry-s {TelemetrySeconds}")
          + BenchArgs.SetOptions(GatewaySettings)) + BenchTransports.Option(Transport);

    public static PickupBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : new PickupBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--set" => options with { GatewaySettings = [.. options.GatewaySettings, BenchArgs.Setting(args, ++i, Usage)] },
                "--lockers" => options with { Lockers = BenchArgs.Positive(args, ++i, Usage) },
                "--compartments" => options with { Compartments = BenchArgs.Positive(args, ++i, Usage) },
                "--duration" => options with { DurationSeconds = BenchArgs.Positive(args, ++i, Usage) },
                "--rate" => options with { Rate = BenchArgs.Positive(args, ++i, Usage) },
                "--start-rate" => options with { StartRate = BenchArgs.Positive(args, ++i, Usage), Rate = 0 },
                "--step-seconds" => options with { StepSeconds = BenchArgs.Positive(args, ++i, Usage) },
                "--max-p99-ms" => options with { MaxP99Ms = BenchArgs.Positive(args, ++i, Usage) },
                "--telemetry-s" => options with { TelemetrySeconds = BenchArgs.Positive(args, ++i, Usage) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }
}

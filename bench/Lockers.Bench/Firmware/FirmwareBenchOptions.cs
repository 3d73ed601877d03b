namespace Lockers.Bench.Firmware;

/// <summary>`./lockers bench firmware` options: iterations measured per operation and untimed warm-up before them.</summary>
public sealed record FirmwareBenchOptions(int Iterations = 2_000, int Warmup = 200, bool Quick = false)
{
    private const string Usage = "Usage: ./lockers bench firmware [--iterations 2000] [--warmup 200] [--quick]";

    /// <summary>Smoke-test size: the figures are real but the run takes well under a second.</summary>
    public static FirmwareBenchOptions QuickRun { get; } = new(Iterations: 20, Warmup: 5, Quick: true);

    /// <summary>The command that reproduces this run.</summary>
    public string CommandLine => Quick ? "./lockers bench firmware --quick" : $"./lockers bench firmware --iterations {Iterations} --warmup {Warmup}";

    public static FirmwareBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FirmwareBenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => QuickRun,
                "--iterations" => options with { Iterations = Positive(args, ++i) },
                "--warmup" => options with { Warmup = Positive(args, ++i) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(IReadOnlyList<string> args, int index) => BenchArgs.Positive(args, index, Usage);
}

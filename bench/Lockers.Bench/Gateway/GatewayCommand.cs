namespace Lockers.Bench.Gateway;

/// <summary>`./lockers bench unlock|pickup|fleet [options]`: runs one gateway benchmark and prints its table.</summary>
internal static class GatewayCommand
{
    public static async Task<int> RunAsync(string name, IReadOnlyList<string> args)
    {
        Func<Task<string>> run;
        try
        {
            run = Parse(name, args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        Console.WriteLine(await run());
        return 0;
    }

    // The command line is parsed before anything runs: only a bad option is a usage error, never a failure during the run.
    // `--transport both` runs the benchmark twice, plain text then TLS, and prints both tables.
    private static Func<Task<string>> Parse(string name, IReadOnlyList<string> allArgs)
    {
        var transports = BenchTransports.Parse(allArgs, out var args);
        var runs = transports.Select(transport => Parse(name, args, transport)).ToList();
        return async () =>
        {
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < runs.Count; i++)
            {
                text.AppendLine($"## Transport: {BenchTransports.Name(transports[i])}").AppendLine().AppendLine(await runs[i]());
            }

            return text.ToString();
        };
    }

    private static Func<Task<string>> Parse(string name, IReadOnlyList<string> args, BenchTransport transport)
    {
        switch (name)
        {
            case "unlock":
                var unlock = UnlockBenchOptions.Parse(args) with { Transport = transport };
                return async () => UnlockBenchReport.Format(await UnlockBench.RunAsync(unlock, Console.Error));
            case "pickup":
                var pickup = PickupBenchOptions.Parse(args) with { Transport = transport };
                return async () => PickupBenchReport.Format(await PickupBench.RunAsync(pickup, Console.Error));
            case "fleet":
                var fleet = FleetBenchOptions.Parse(args) with { Transport = transport };
                return async () => FleetBenchReport.Format(await FleetBench.RunAsync(fleet, Console.Error));
            default:
                throw new ArgumentException($"no gateway benchmark '{name}'");
        }
    }
}

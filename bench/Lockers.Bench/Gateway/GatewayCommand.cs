namespace Lockers.Bench.Gateway;

/// <summary>`./lockers bench unlock|pickup|fleet [options]`: runs one gateway benchmark and prints its table.</summary>
internal static class GatewayCommand
{
    public static async Task<int> RunAsync(string name, IReadOnlyList<string> args)
    {
        try
        {
            Console.WriteLine(name switch
            {
                "unlock" => UnlockBenchReport.Format(await UnlockBench.RunAsync(UnlockBenchOptions.Parse(args), Console.Error)),
                "pickup" => PickupBenchReport.Format(await PickupBench.RunAsync(PickupBenchOptions.Parse(args), Console.Error)),
                "fleet" => FleetBenchReport.Format(await FleetBench.RunAsync(FleetBenchOptions.Parse(args), Console.Error)),
                _ => throw new ArgumentException($"no gateway benchmark '{name}'"),
            });
            return 0;
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }
    }
}

namespace Lockers.Bench.Firmware;

/// <summary>`./lockers bench firmware [options]`: measures the core's allocations and prints the tables.</summary>
internal static class FirmwareCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        FirmwareBenchOptions options;
        try
        {
            options = FirmwareBenchOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        var result = FirmwareBench.Run(options);
        Console.WriteLine(FirmwareBenchReport.Format(result));
        // A missed target is a finding to report, not a failed run.
        return 0;
    }
}

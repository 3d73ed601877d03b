namespace Lockers.Bench.Mqtt;

/// <summary>`./lockers bench mqtt [options]`: runs the comparison and prints the table.</summary>
internal static class MqttCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        MqttBenchOptions options;
        try
        {
            options = MqttBenchOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        var result = await MqttComparison.RunAsync(options, Console.Error);
        Console.WriteLine(MqttComparisonReport.Format(result));
        return 0;
    }
}

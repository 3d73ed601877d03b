using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Hosting;
using Lockers.Simulator.Terminal;

// The simulator's entry point: one locker by hand ("run") or a fleet for load ("fleet").
const string Usage =
    "usage:\n" +
    "  Lockers.Simulator run --config locker.json [--board hardware/boards/devkit-4.json] [--storage DIR] [--broker host:port]\n" +
    "                        [--retry-seconds 10]\n" +
    FleetCommand.Usage;

if (args.Length == 0 || args[0] is "help" or "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var options = CommandLine.Parse(args[1..]);
    return args[0] switch
    {
        "run" => await RunCommand.RunAsync(options, Console.In, Console.Out, Console.Error, stop.Token),
        "fleet" => await FleetCommand.RunAsync(options, Console.Out, stop.Token),
        _ => throw new ArgumentException($"unknown command '{args[0]}'"),
    };
}
catch (Exception error) when (error is ArgumentException or DeviceConfigException or BoardException or IOException or DeviceTlsFileException)
{
    Console.Error.WriteLine("lockers-simulator: " + error.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

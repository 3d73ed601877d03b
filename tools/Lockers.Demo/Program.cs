using System.Runtime.InteropServices;
using Lockers.Demo;

// ./lockers demo: Mosquitto, the gateway and a simulated site of two lockers in one terminal (README.md).
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

DemoOptions options;
try
{
    options = DemoOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("lockers demo: " + ex.Message);
    Console.Error.WriteLine(DemoOptions.Usage);
    return 2;
}

// Standard input as a plain stream, not Console.In: on Unix a pending Console.ReadLine blocks Console.Out, which would
// freeze the screen while it waits for a line. The terminal still edits and echoes the line itself.
using var input = new StreamReader(Console.OpenStandardInput(), Console.InputEncoding);
return await DemoProgram.RunAsync(options, input, Console.Out, interactive: !Console.IsOutputRedirected && !Console.IsInputRedirected, stop.Token);

void Stop(PosixSignalContext context)
{
    // Stop in order (lockers, gateway, broker) instead of dying on the spot.
    context.Cancel = true;
    stop.Cancel();
}

using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Hosting;
using Lockers.Controller.Linux.Platform;
using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux;

/// <summary>
/// <c>lockers-controller --config /etc/lockers/locker.json [--board FILE] [--storage DIR] [--gpio-chip N]</c>.
/// Start-up as a list of steps; every decision lives in Lockers.Core. Exit codes: 0 stopped (SIGTERM, Ctrl+C),
/// 2 bad arguments, 78 a refused file (EX_CONFIG: nothing was driven), 75 watchdog restart, 1 anything else.
/// </summary>
public static class Program
{
    /// <summary>A configuration, board or certificate file was refused.</summary>
    public const int ConfigExitCode = 78;

    /// <summary>A bus could not be opened or the controller did not start.</summary>
    public const int StartFailedExitCode = 1;

    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        var arguments = RunArguments.Parse(args, Console.Error);
        if (arguments is null)
        {
            return 2;
        }

        using var logs = LoggerFactory.Create(builder => builder.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        }));
        var logger = logs.CreateLogger("lockers-controller");

        // 1. Files first: a refused file stops here, before any pin is touched, so every lock stays as the kernel left it.
        ControllerFiles files;
        try
        {
            files = ControllerFiles.Load(arguments.ConfigPath, arguments.BoardPath);
        }
        catch (ControllerFileException error)
        {
            logger.LogCritical("refused {Reason}", error.Message);
            return ConfigExitCode;
        }

        // 2. The board's buses, then the controller (locks released first), the inputs and the link. A bus that
        //    cannot be opened (no libgpiod, no /dev/i2c-1, an expander not answering) ends the process; whatever
        //    was opened has been released, and systemd tries again.
        LinuxBoardBuses buses;
        LinuxController controller;
        try
        {
            buses = new LinuxBoardBuses(arguments.GpioChip);
        }
        catch (Exception error) when (error is PlatformNotSupportedException or IOException or UnauthorizedAccessException)
        {
            logger.LogCritical("cannot open GPIO chip {Chip}: {Reason}", arguments.GpioChip, error.Message);
            return StartFailedExitCode;
        }

        logger.LogInformation("GPIO chip {Chip} through libgpiod ({Api} API)", arguments.GpioChip, LinuxBoardBuses.LibgpiodApi);
        using (buses)
        {
            try
            {
                var options = new LinuxControllerOptions { StorageDirectory = arguments.StorageDirectory, LoggerFactory = logs };
                controller = LinuxController.Start(files, buses, options);
            }
            catch (Exception error)
            {
                logger.LogCritical(error, "start-up failed; every lock output was released");
                return StartFailedExitCode;
            }

            await using (controller)
            {
                return await RunAsync(controller, logger);
            }
        }
    }

    // Runs until SIGTERM/Ctrl+C (a clean stop: "offline" published) or a watchdog restart (the broker's last will says it).
    private static async Task<int> RunAsync(LinuxController controller, ILogger logger)
    {
        var stopRequested = new TaskCompletionSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stopRequested.TrySetResult(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopRequested.TrySetResult(); };
        var first = await Task.WhenAny(stopRequested.Task, controller.RebootRequested);
        bool reboot = first == controller.RebootRequested;
        logger.LogInformation(reboot ? "watchdog restart: stopping" : "stopping");
        await controller.StopAsync(clean: !reboot);
        return reboot ? LinuxSystemPort.RebootExitCode : 0;
    }
}

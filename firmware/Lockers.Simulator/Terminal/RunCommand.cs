using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Simulator.Locker;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// <c>run --config locker.json --board hardware/boards/devkit-4.json [--storage DIR] [--broker host:port] [--retry-seconds N]</c>:
/// one locker driven by hand. The screen is redrawn on every change; input lines are read from stdin.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Exit code when the files were refused and the run was stopped before they were fixed (EX_CONFIG, as the Linux host).</summary>
    public const int ConfigExitCode = 78;

    /// <summary>
    /// Runs until "quit" or the end of input; returns the exit code. A refused file is named with what is wrong with it
    /// (on <paramref name="errors"/>), nothing is driven (every door stays locked), the files are read again every
    /// --retry-seconds (10) until they are sound or <paramref name="stop"/> fires, and when the device configuration is
    /// sound the locker tells the gateway why it cannot run (<see cref="FaultReporter"/>).
    /// </summary>
    public static async Task<int> RunAsync(
        CommandLine options, TextReader input, TextWriter output, TextWriter? errors = null, CancellationToken stop = default)
    {
        errors ??= output;
        string configPath = options.Required("config");
        var broker = options.Broker();
        var retry = TimeSpan.FromSeconds(Math.Max(1, options.Number("retry-seconds", 10)));
        DeviceConfig config;
        BoardDefinition board;
        string? lastRefusal = null;
        while (true)
        {
            try
            {
                (config, board, _) = LockerFiles.Load(configPath, options.Optional("board"));
                break;
            }
            catch (LockerFileException refused)
            {
                if (refused.Message != lastRefusal)
                {
                    await errors.WriteLineAsync($"lockers-simulator: refused {refused.Message}; every door stays locked, " +
                        $"reading the files again every {retry.TotalSeconds:0} s");
                    lastRefusal = refused.Message;
                    if (refused.Config is { } sound && !await FaultReporter.PublishAsync(
                            sound, Path.GetDirectoryName(Path.GetFullPath(configPath)), broker?.Host, broker?.Port ?? 0, refused.Message))
                    {
                        await errors.WriteLineAsync("lockers-simulator: the broker could not be reached to report the fault; trying again later");
                        lastRefusal = null;
                    }
                }

                try
                {
                    await Task.Delay(retry, stop);
                }
                catch (OperationCanceledException)
                {
                    return ConfigExitCode;
                }
            }
        }

        string storage = options.Optional("storage")
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, "sim-data", config.LockerId);
        var lockerOptions = new SimulatedLockerOptions { BrokerHost = broker?.Host, BrokerPort = broker?.Port ?? 0 };

        await using var locker = new SimulatedLocker(config, board, storage, lockerOptions, Path.GetDirectoryName(Path.GetFullPath(configPath)));
        await locker.StartAsync();
        var screen = new Screen(locker, output);
        using var redraw = new PeriodicTimer(RedrawEvery);
        var redrawLoop = Task.Run(async () =>
        {
            while (await redraw.WaitForNextTickAsync())
            {
                screen.Draw();
            }
        }, CancellationToken.None);

        screen.Draw();
        try
        {
            while (await input.ReadLineAsync(stop) is { } line)
            {
                var (message, quit) = await TerminalInput.ApplyAsync(locker, line);
                screen.Message = message;
                screen.Draw();
                if (quit)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: a clean stop, as "quit".
        }

        redraw.Dispose();
        await redrawLoop;
        return 0;
    }

    /// <summary>Redraws only when the picture changed, so a terminal is not flooded.</summary>
    private sealed class Screen(SimulatedLocker locker, TextWriter output)
    {
        private readonly bool _canClear = !Console.IsOutputRedirected;
        private readonly object _gate = new();
        private string _last = "";

        public string Message { get; set; } = "";

        public void Draw()
        {
            string picture = DoorGridRenderer.Render(locker) + (Message.Length > 0 ? Message + "\n" : "") + "> ";
            lock (_gate)
            {
                if (picture == _last)
                {
                    return;
                }

                _last = picture;
                output.Write(_canClear ? "\u001b[2J\u001b[H" + picture : "\n" + picture);
                output.Flush();
            }
        }
    }
}

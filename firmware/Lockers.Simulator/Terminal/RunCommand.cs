using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Simulator.Locker;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// <c>run --config locker.json --board hardware/boards/devkit-4.json [--storage DIR] [--broker host:port]</c>:
/// one locker driven by hand. The screen is redrawn on every change; input lines are read from stdin.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs until "quit" or the end of input; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandLine options, TextReader input, TextWriter output)
    {
        string configPath = options.Required("config");
        var config = DeviceConfigLoader.Load(File.ReadAllText(configPath));
        string boardPath = options.Optional("board") ?? Path.Combine("hardware", "boards", config.BoardFile);
        var board = BoardLoader.Load(File.ReadAllText(boardPath));
        string storage = options.Optional("storage")
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, "sim-data", config.LockerId);
        var broker = options.Broker();
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
        });

        screen.Draw();
        while (await input.ReadLineAsync() is { } line)
        {
            var (message, quit) = await TerminalInput.ApplyAsync(locker, line);
            screen.Message = message;
            screen.Draw();
            if (quit)
            {
                break;
            }
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

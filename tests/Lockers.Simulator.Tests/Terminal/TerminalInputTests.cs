using Lockers.Simulator.Locker;
using Lockers.Simulator.Terminal;
using Lockers.Simulator.Tests.Support;

namespace Lockers.Simulator.Tests.Terminal;

public sealed class TerminalInputTests : IAsyncLifetime
{
    private readonly LockerSetup _setup = new("term-1");
    private SimulatedLocker _locker = null!;

    public Task InitializeAsync()
    {
        var config = new Lockers.Core.Config.DeviceConfig(
            "term-1", "site", new Lockers.Core.Config.BrokerSettings("127.0.0.1", 1, false, "u", "p"), _setup.Key,
            "devkit-4.json", 60, 300, "term-1-kp", "term-1-qr", null);
        _locker = new SimulatedLocker(config, RepoFiles.Board(), _setup.StorageDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _locker.DisposeAsync();
        _setup.DeleteStorage();
    }

    [Fact]
    public async Task Apply_KeysTyped_ReachTheKeypad()
    {
        var pressed = new List<char>();
        _locker.Keypad.KeyPressed += key => pressed.Add(key);

        var (message, quit) = await TerminalInput.ApplyAsync(_locker, " 12*3# ");

        Assert.Equal("12*3#", new string(pressed.ToArray()));
        Assert.Equal("", message);
        Assert.False(quit);
    }

    [Fact]
    public async Task Apply_DoorCommands_ChangeTheDoors()
    {
        await TerminalInput.ApplyAsync(_locker, "force 2");
        await TerminalInput.ApplyAsync(_locker, "jam 3");
        Assert.True(_locker.Cabinet[2].IsOpen);
        Assert.True(_locker.Cabinet[3].IsJammed);

        await TerminalInput.ApplyAsync(_locker, "close 2");
        await TerminalInput.ApplyAsync(_locker, "unjam 3");

        Assert.False(_locker.Cabinet[2].IsOpen);
        Assert.False(_locker.Cabinet[3].IsJammed);
    }

    [Fact]
    public async Task Apply_UnknownDoorOrWord_SaysWhatIsWrong()
    {
        Assert.StartsWith("close: no door '9'", (await TerminalInput.ApplyAsync(_locker, "close 9")).Message);
        Assert.StartsWith("unknown input 'dance'", (await TerminalInput.ApplyAsync(_locker, "dance")).Message);
        Assert.True((await TerminalInput.ApplyAsync(_locker, "quit")).Quit);
    }

    [Fact]
    public void Render_PoweredOffLocker_DrawsEveryDoorInItsPlace()
    {
        _locker.Cabinet[4].Force();

        var screen = DoorGridRenderer.Render(_locker);

        var lines = screen.Split('\n');
        Assert.Contains("POWER OFF", lines[0]);
        Assert.Contains("[ 2 shut", lines[2]); // row 1 (top) first
        Assert.Contains("[ 4 OPEN", lines[2]);
        Assert.Contains("[ 1 shut", lines[3]);
        Assert.Contains("[ 3 shut", lines[3]);
    }
}

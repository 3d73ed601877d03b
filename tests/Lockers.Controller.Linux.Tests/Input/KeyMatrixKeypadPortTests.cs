using System.Collections.Concurrent;
using System.Device.Gpio;
using Lockers.Controller.Linux.Input;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Input;

/// <summary>The keypad through Iot.Device.KeyMatrix's scan, with keys pressed on the simulated GPIO matrix.</summary>
public sealed class KeyMatrixKeypadPortTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly SimulatedBoard _board = new(PiBoard.Load());
    private readonly ConcurrentQueue<char> _pressed = new();
    private readonly KeyMatrixKeypadPort _keypad;

    public KeyMatrixKeypadPortTests()
    {
        var keypad = PiBoard.Load().Keypad!;
        _keypad = new KeyMatrixKeypadPort(_board.Gpio, keypad.Outputs, keypad.Inputs, keypad.Keys);
        _keypad.KeyPressed += _pressed.Enqueue;
        _keypad.Start();
    }

    public void Dispose()
    {
        _keypad.Dispose();
        _board.Dispose();
    }

    [Fact]
    public async Task KeysPressedAndReleased_EachRaisedOnce_InOrder_WithItsCharacter()
    {
        await _board.TypeAsync("1590#*");

        await Wait.UntilAsync(() => _pressed.Count >= 6, Timeout, "six key presses");
        Assert.Equal("1590#*", new string(_pressed.ToArray()));
    }

    [Fact]
    public void Open_InputsUsePullDowns_OutputsStartLow()
    {
        var keypad = PiBoard.Load().Keypad!;
        Assert.All(keypad.Inputs, pin => Assert.Equal(PinMode.InputPullDown, _board.Driver.ModeOf(pin)));
        Assert.All(keypad.Outputs, pin => Assert.Equal(PinMode.Output, _board.Driver.ModeOf(pin)));
    }

    [Fact]
    public void Dispose_StopsTheScanThread_AndClosesEveryMatrixPin()
    {
        _keypad.Dispose();

        var keypad = PiBoard.Load().Keypad!;
        Assert.All(keypad.Outputs.Concat(keypad.Inputs), pin => Assert.Null(_board.Driver.ModeOf(pin)));
    }

    [Fact]
    public void Create_KeysDoNotMatchTheMatrix_IsRefused()
    {
        using var gpio = new GpioController(new SimulatedGpioDriver());

        Assert.Throws<ArgumentException>(() => new KeyMatrixKeypadPort(gpio, new[] { 16, 17 }, new[] { 20, 21 }, "123"));
    }
}

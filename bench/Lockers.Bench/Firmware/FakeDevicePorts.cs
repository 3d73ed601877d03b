using Lockers.Core.Ports;

namespace Lockers.Bench.Firmware;

// The board's hardware ports as the benchmark drives them. None of them allocates after construction.

/// <summary>Lock outputs that only remember which compartment is energised.</summary>
public sealed class FakeSolenoidPort : ISolenoidPort
{
    public int Energised { get; private set; }

    public void SetEnergised(int compartment, bool on) => Energised = on ? compartment : 0;

    public void AllOff() => Energised = 0;
}

/// <summary>
/// The pulse cut-off timer: only remembers its arming. The rig's Poll ends every pulse itself, so it never fires
/// (the cut-off's own behaviour is tested in tests/Lockers.Core.Tests).
/// </summary>
public sealed class FakePulseTimer : IPulseTimer
{
    public event PulseTimerHandler? Elapsed
    {
        add { }
        remove { }
    }

    public int DueMs { get; private set; } = -1;

    public void Start(int dueMs) => DueMs = dueMs;

    public void Cancel() => DueMs = -1;
}

/// <summary>Reed switches the benchmark opens and closes.</summary>
public sealed class FakeDoorSensorPort : IDoorSensorPort
{
    private readonly bool[] _open = new bool[256];

    public bool ReadOpen(int compartment) => _open[compartment];

    public void Set(int compartment, bool open) => _open[compartment] = open;
}

/// <summary>A keypad the benchmark presses.</summary>
public sealed class FakeKeypadPort : IKeypadPort
{
    public event KeyPressedHandler? KeyPressed;

    public void Press(char key) => KeyPressed?.Invoke(key);
}

/// <summary>A scanner UART the benchmark feeds.</summary>
public sealed class FakeScannerPort : IScannerPort
{
    public event ScannerBytesHandler? BytesReceived;

    public void Receive(byte[] buffer, int offset, int count) => BytesReceived?.Invoke(buffer, offset, count);
}

/// <summary>Display, buzzer and LED that keep only the latest text.</summary>
public sealed class FakeFeedbackPort : IFeedbackPort
{
    public string Display { get; private set; } = "";

    public void ShowText(string text) => Display = text;

    public void Beep(BeepKind kind)
    {
    }

    public void SetLed(LedState state)
    {
    }
}

/// <summary>Fixed health figures, as a board with every sensor would report them.</summary>
public sealed class FakeSystemPort : ISystemPort
{
    public void Reboot() => throw new InvalidOperationException("the watchdog tripped during the benchmark");

    public long FreeMemoryBytes => 52_000;

    public int SignalDbm => -67;

    public int SupplyMillivolts => 12_100;

    public int TemperatureDeciC => 215;
}

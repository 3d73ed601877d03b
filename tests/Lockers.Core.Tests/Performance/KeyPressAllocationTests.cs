using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Keypad;
using Lockers.Core.Ports;
using Lockers.Core.Tests.App;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Performance;

/// <summary>
/// The design target "a key press allocates nothing in steady state" (the device has about 79 KB of heap and
/// a person types a dozen keys per pickup). Allocation counts on one thread are deterministic on .NET, so this
/// is a test, not a benchmark; `./lockers bench firmware` prints the figure together with the others.
/// </summary>
public sealed class KeyPressAllocationTests
{
    private const string Keys = "123456789*";
    private const int WarmupPresses = 1_000;
    private const int MeasuredPresses = 10_000;

    [Fact]
    public void KeypadEntry_DigitsAndClear_AllocateNothingInSteadyState()
    {
        var entry = new KeypadEntry(new QuietFeedbackPort());

        long allocated = AllocatedBy(i => entry.OnKey(Keys[i % Keys.Length], 0));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void LockerController_KeyPresses_AllocateNothingInSteadyState()
    {
        var clock = new FakeClock(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        var keypad = new FakeKeypadPort();
        var link = new FakeMqttLink();
        var ports = new LockerPorts(clock, new FakeStorage(), link, new FakeSolenoidPort(clock), new FakePulseTimer(clock), new FakeDoorSensorPort(),
            keypad, new FakeScannerPort(), new QuietFeedbackPort(), new FakeSystemPort());
        var config = new DeviceConfig(
            "perf-locker", "site", new BrokerSettings("localhost", 1883, false, "u", "p"), Enumerable.Repeat((byte)7, 32).ToArray(),
            "one.json", 60, 300, "kp-1", "qr-1", null);
        var controller = new LockerController(config, BoardLoader.Load(OneDoorBoard), ports, "1.0.0");
        link.Connect();
        controller.Start();
        link.AckAll();

        // One key per call, as a keypad driver raises them; the strings exist before measuring.
        string[] single = Keys.Select(key => key.ToString()).ToArray();

        long allocated = AllocatedBy(i => keypad.Type(single[i % single.Length]));

        Assert.Equal(0, allocated);
    }

    // Warm-up first (JIT, type loading), then the bytes this thread allocated while pressing.
    private static long AllocatedBy(Action<int> press)
    {
        for (int i = 0; i < WarmupPresses; i++) press(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredPresses; i++) press(i);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private const string OneDoorBoard = """
        {
          "format": 1, "board": "one", "mcu": "ESP32-WROOM-32E",
          "solenoid": { "ratedPulseMs": 500, "minGapMs": 250 },
          "door": { "openConfirmMs": 3000, "leftOpenS": 120, "debounceMs": 50 },
          "compartments": [
            { "number": 1, "size": "S", "column": 0, "row": 0, "lock": { "gpio": 19 }, "sensor": { "gpio": 34, "openLevel": "high" } }
          ]
        }
        """;

    /// <summary>A display, buzzer and LED that keep nothing (the shared fake records into lists, which allocates).</summary>
    private sealed class QuietFeedbackPort : IFeedbackPort
    {
        public void ShowText(string text)
        {
        }

        public void Beep(BeepKind kind)
        {
        }

        public void SetLed(LedState state)
        {
        }
    }
}

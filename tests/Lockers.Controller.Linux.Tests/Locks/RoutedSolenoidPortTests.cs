using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Doors;
using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Locks;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Hosting;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Locks;

/// <summary>The safety rules the lock outputs keep below the core: one coil at a time, all off on demand and on dispose, safe from two threads.</summary>
public sealed class RoutedSolenoidPortTests
{
    private readonly FakeSolenoidGroup _first = new();
    private readonly FakeSolenoidGroup _second = new();
    private readonly RoutedSolenoidPort _port = new();

    public RoutedSolenoidPortTests()
    {
        _port.Add(1, _first);
        _port.Add(2, _first);
        _port.Add(3, _second);
    }

    [Fact]
    public void SecondCoilWhileFirstIsOn_ReleasesEveryLockAndThrows()
    {
        _port.SetEnergised(1, true);

        var refused = Assert.Throws<InvalidOperationException>(() => _port.SetEnergised(3, true));

        Assert.Contains("while 1 still is", refused.Message);
        Assert.Empty(_first.On);
        Assert.Empty(_second.On);
        Assert.Equal(0, _port.Energised);
    }

    [Fact]
    public void PulsesOneAfterAnother_AreAllowed()
    {
        _port.SetEnergised(1, true);
        _port.SetEnergised(1, false);
        _port.SetEnergised(3, true);

        Assert.Equal(3, _port.Energised);
        Assert.Equal(new[] { 3 }, _second.On);
    }

    [Fact]
    public void AllOff_OneGroupFails_TheOtherIsStillReleased_AndTheErrorSurfaces()
    {
        _port.SetEnergised(3, true);
        _first.Fail = true;

        Assert.Throws<IOException>(_port.AllOff);

        Assert.Empty(_second.On);
        Assert.Equal(1, _first.AllOffCalls);
    }

    [Fact]
    public void Dispose_ReleasesEverything_AndRefusesNewPulses()
    {
        _port.SetEnergised(2, true);

        _port.Dispose();

        Assert.Empty(_first.On);
        Assert.Throws<ObjectDisposedException>(() => _port.SetEnergised(3, true));
        _port.SetEnergised(3, false); // releasing is always allowed
    }

    [Fact]
    public void UnwiredCompartment_IsIgnored()
    {
        _port.SetEnergised(42, true);

        Assert.Equal(0, _port.Energised);
    }

    /// <summary>
    /// A cut-off timer may release a coil on its own thread while the main loop reads the reed switches on the same
    /// expander. The binding reads a register in two bus transactions (pointer, then data), so a latch write in
    /// between would make the sensors read the wrong register. Every transaction, from the lock group and from the
    /// sensor group, must therefore happen while the caller holds the chip's lock; a reading must hold it across both.
    /// </summary>
    [Fact]
    public async Task LockWritesFromAnotherThread_AndSensorReads_HoldTheChipLock_ForEveryTransaction()
    {
        var simulated = new SimulatedMcp23017(bus: 1, address: 0x20);
        var watched = new LockWatchingI2cDevice(simulated);
        var chip = new Mcp23017Chip("U2", new Mcp23017(watched, shouldDispose: false));
        watched.Sync = chip.Sync;
        var locks = new Mcp23017SolenoidGroup(chip);
        var port = new RoutedSolenoidPort();
        for (int c = 1; c <= 4; c++)
        {
            locks.Add(c, 3 + c); // A4..A7
            port.Add(c, locks);
        }

        var time = new FakeTimeProvider();
        var sensors = new Mcp23017DoorSensorGroup(chip, new SystemClock(time));
        for (int c = 1; c <= 4; c++)
        {
            sensors.Add(c, c - 1, openHigh: true); // A0..A3
        }

        locks.Enable();
        sensors.Enable();
        for (int line = 0; line < 4; line++)
        {
            simulated.SetInput(line, false); // every door shut
        }

        await Task.Run(() => { port.SetEnergised(2, true); port.SetEnergised(2, false); }); // "the timer thread"
        bool anyOpen = Enumerable.Range(1, 4).Any(sensors.ReadOpen);
        await Task.Run(port.AllOff);

        Assert.False(anyOpen);
        Assert.True(watched.Transactions > 6);
        Assert.Equal(0, watched.WithoutLock);
    }

    /// <summary>Counts bus transactions made without the chip's lock held by the calling thread.</summary>
    private sealed class LockWatchingI2cDevice(SimulatedMcp23017 chip) : System.Device.I2c.I2cDevice
    {
        public object? Sync { get; set; }

        public int Transactions { get; private set; }

        public int WithoutLock { get; private set; }

        public override System.Device.I2c.I2cConnectionSettings ConnectionSettings => chip.ConnectionSettings;

        public override void Read(Span<byte> buffer)
        {
            Check();
            chip.Read(buffer);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check();
            chip.Write(buffer);
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            Check();
            chip.WriteRead(writeBuffer, readBuffer);
        }

        // The binding's constructor resets the chip before anyone can share it: only count once the lock is known.
        private void Check()
        {
            if (Sync is null) return;
            lock (this)
            {
                Transactions++;
                if (!Monitor.IsEntered(Sync)) WithoutLock++;
            }
        }
    }
}

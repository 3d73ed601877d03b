// Declaration-only stand-in for nanoFramework.Iot.Device.Mcp23xxx 1.2.560 (Lockers.Firmware/packages.config), which
// the package source does not serve. Checked against nanoframework/nanoFramework.IoT.Device at commit 122ebb1
// (2026-01-08, the 1.2 line, built against CoreLibrary 1.17.11; the commit that produced exactly 1.2.560 cannot be
// told from the snapshot), folder devices/Mcp23xxx/. Declared: the class chain (GpioDriver <- Mcp23xxx <- Mcp23x1x
// <- Mcp23017, so a Mcp23017 is IDisposable), the Mcp23017 constructor, and every public member of the chain. Not
// declared: the protected GpioDriver members (pin access is protected on nanoFramework) and the bus adapters.
// Bodies are placeholders: compiled against, never run.
namespace System.Device.Gpio
{
    /// <summary>devices/Mcp23xxx/GpioDriver.cs: in this assembly on nanoFramework, not in System.Device.Gpio.</summary>
    public abstract class GpioDriver : IDisposable
    {
        internal GpioDriver() => throw null;

        public void Dispose() => throw null;

        protected virtual void Dispose(bool disposing) => throw null;
    }
}

namespace Iot.Device.Mcp23xxx
{
    using System;
    using System.Device.Gpio;
    using System.Device.I2c;

    /// <summary>devices/Mcp23xxx/Register.cs.</summary>
    public enum Register : byte
    {
        IODIR = 0x00,
        IPOL = 0x01,
        GPINTEN = 0x02,
        DEFVAL = 0x03,
        INTCON = 0x04,
        IOCON = 0x05,
        GPPU = 0x06,
        INTF = 0x07,
        INTCAP = 0x08,
        GPIO = 0x09,
        OLAT = 0x0a,
    }

    /// <summary>devices/Mcp23xxx/Port.cs.</summary>
    public enum Port
    {
        PortA,
        PortB,
    }

    /// <summary>devices/Mcp23xxx/BankStyle.cs.</summary>
    public enum BankStyle
    {
        Sequential = 0,
        Separated = 1,
    }

    /// <summary>devices/Mcp23xxx/Mcp23xxx.cs: the public members (its constructor is protected and takes a bus adapter).</summary>
    public abstract class Mcp23xxx : GpioDriver
    {
        internal Mcp23xxx() => throw null;

        public byte ReadByte(Register register) => throw null;

        public void WriteByte(Register register, byte value) => throw null;

        public void Disable() => throw null;

        public void Enable() => throw null;

        public PinValue ReadInterrupt() => throw null;
    }

    /// <summary>devices/Mcp23xxx/Mcp23x1x.cs: the public members of the 16-bit parts.</summary>
    public abstract class Mcp23x1x : Mcp23xxx
    {
        internal Mcp23x1x() => throw null;

        public byte ReadByte(Register register, Port port) => throw null;

        public void WriteByte(Register register, byte value, Port port) => throw null;

        public ushort ReadUInt16(Register register) => throw null;

        public void WriteUInt16(Register register, ushort value) => throw null;

        public PinValue ReadInterrupt(Port port) => throw null;
    }

    /// <summary>
    /// devices/Mcp23xxx/Mcp23017.cs. The fifth parameter is named <c>controller</c>; the constructor throws
    /// ArgumentOutOfRangeException for an address outside 0x20..0x27 and resets the registers (all inputs).
    /// </summary>
    public class Mcp23017 : Mcp23x1x
    {
        public Mcp23017(I2cDevice i2cDevice, int reset = -1, int interruptA = -1, int interruptB = -1, GpioController? controller = null, bool shouldDispose = true) => throw null;
    }
}

// Declaration-only stand-in for nanoFramework.System.Device.I2c 1.1.29 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c),
// folder System.Device.I2c/: I2cBusSpeed.cs, I2cConnectionSettings.cs and I2cDevice.cs, every public member.
// Not declared: the transfer methods' result types (I2cTransferResult, I2cTransferStatus; unused here: the firmware
// reaches the bus only through the Mcp23017 binding). Bodies are placeholders: compiled against, never run.
namespace System.Device.I2c
{
    /// <summary>v1.1.29 I2cBusSpeed.cs.</summary>
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    /// <summary>v1.1.29 I2cConnectionSettings.cs. The two-argument constructor means FastMode.</summary>
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) => throw null;

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) => throw null;

        public int BusId => throw null;

        public int DeviceAddress => throw null;

        public I2cBusSpeed BusSpeed => throw null;
    }

    /// <summary>v1.1.29 I2cDevice.cs (concrete, unlike .NET IoT's); the SpanByte transfer methods are left out.</summary>
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) => throw null;

        public I2cConnectionSettings ConnectionSettings => throw null;

        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;

        public byte ReadByte() => throw null;

        public void Dispose() => throw null;
    }
}

// Declaration-only stand-in for nanoFramework.Hardware.Esp32 1.6.42 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit
// 579dbaf): Configuration.cs (both members) and DeviceTypePins.cs (DeviceFunction: the I2C, COM and PWM members,
// with their numeric values; SPI, ADC, I2S and SDMMC are left out). Bodies are placeholders: compiled against,
// never run.
namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// DeviceTypePins.cs. A value is device type (0x10000 steps: I2C 2, SERIAL 3, PWM 4) + device index (0x100
    /// steps) + line; these are the numbers the native SetPinFunction receives.
    /// </summary>
    public enum DeviceFunction
    {
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,
        I2C2_DATA = 0x20200,
        I2C2_CLOCK = 0x20201,
        COM1_TX = 0x30100,
        COM1_RX = 0x30101,
        COM1_RTS = 0x30102,
        COM1_CTS = 0x30103,
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,
        COM2_RTS = 0x30202,
        COM2_CTS = 0x30203,
        COM3_TX = 0x30300,
        COM3_RX = 0x30301,
        COM3_RTS = 0x30302,
        COM3_CTS = 0x30303,
        COM4_TX = 0x30400,
        COM4_RX = 0x30401,
        COM4_RTS = 0x30402,
        COM4_CTS = 0x30403,
        PWM1 = 0x40100,
        PWM2 = 0x40200,
        PWM3 = 0x40300,
        PWM4 = 0x40400,
        PWM5 = 0x40500,
        PWM6 = 0x40600,
        PWM7 = 0x40700,
        PWM8 = 0x40800,
        PWM9 = 0x40900,
        PWM10 = 0x40a00,
        PWM11 = 0x40b00,
        PWM12 = 0x40c00,
        PWM13 = 0x40d00,
        PWM14 = 0x40e00,
        PWM15 = 0x40f00,
        PWM16 = 0x41000,
    }

    /// <summary>Configuration.cs.</summary>
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;

        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }
}

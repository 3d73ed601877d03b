using System.Collections;
using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Mcp23xxx;
using Lockers.Core.Board;
using Lockers.Firmware.Doors;
using Lockers.Firmware.Feedback;
using Lockers.Firmware.Input;
using Lockers.Firmware.Locks;
using nanoFramework.Hardware.Esp32;

namespace Lockers.Firmware
{
    /// <summary>
    /// Builds the device ports from the board file. The lock outputs come first and are released before
    /// anything else is touched; then the sensors, the LED and buzzer, the keypad and the scanner.
    /// </summary>
    public sealed class BoardHardware
    {
        private readonly Hashtable _chips = new Hashtable();
        private readonly Hashtable _lockGroups = new Hashtable();
        private readonly Hashtable _sensorGroups = new Hashtable();

        /// <summary>Opens every line of <paramref name="board"/> on <paramref name="gpio"/>, the one controller the firmware uses.</summary>
        public BoardHardware(BoardDefinition board, GpioController gpio)
        {
            // new Mcp23017(...) itself resets the chip's registers: all pins inputs, latches low.
            OpenExpanders(board);
            GpioSolenoidPort lockPins = new GpioSolenoidPort(gpio);
            GpioDoorSensorPort sensorPins = new GpioDoorSensorPort(gpio);
            for (int i = 0; i < board.Compartments.Length; i++)
            {
                CompartmentDefinition compartment = board.Compartments[i];
                int number = compartment.Number;
                LineRef lockLine = compartment.Lock;
                LineRef sensorLine = compartment.Sensor;
                if (lockLine.IsGpio)
                {
                    lockPins.Add(number, lockLine.Gpio);
                    Solenoids.Add(number, lockPins);
                }
                else
                {
                    Mcp23017SolenoidPort group = (Mcp23017SolenoidPort)_lockGroups[lockLine.Expander];
                    if (group == null)
                    {
                        group = new Mcp23017SolenoidPort((Mcp23017)_chips[lockLine.Expander]);
                        _lockGroups[lockLine.Expander] = group;
                    }

                    group.Add(number, LineIndex(lockLine));
                    Solenoids.Add(number, group);
                }

                if (sensorLine.IsGpio)
                {
                    sensorPins.Add(number, sensorLine.Gpio, compartment.SensorOpenHigh);
                    Doors.Add(number, sensorPins);
                }
                else
                {
                    Mcp23017DoorSensorPort group = (Mcp23017DoorSensorPort)_sensorGroups[sensorLine.Expander];
                    if (group == null)
                    {
                        group = new Mcp23017DoorSensorPort((Mcp23017)_chips[sensorLine.Expander]);
                        _sensorGroups[sensorLine.Expander] = group;
                    }

                    group.Add(number, LineIndex(sensorLine), compartment.SensorOpenHigh);
                    Doors.Add(number, group);
                }
            }

            foreach (Mcp23017SolenoidPort group in _lockGroups.Values)
            {
                group.Enable();
            }

            Solenoids.AllOff();
            foreach (Mcp23017DoorSensorPort group in _sensorGroups.Values)
            {
                group.Enable();
            }

            Feedback = new GpioFeedbackPort(gpio, board.StatusLed, board.Buzzer);
            KeypadDefinition keypad = board.Keypad;
            if (keypad != null)
            {
                Keypad = new KeyMatrixKeypadPort(gpio, keypad.Outputs, keypad.Inputs, keypad.Keys);
            }

            ScannerDefinition scanner = board.Scanner;
            if (scanner != null)
            {
                Scanner = new SerialScannerPort(scanner.Uart, scanner.Rx, scanner.Tx, scanner.Baud);
            }
        }

        /// <summary>Every lock output, all released.</summary>
        public RoutedSolenoidPort Solenoids { get; } = new RoutedSolenoidPort();

        /// <summary>Every door sensor.</summary>
        public RoutedDoorSensorPort Doors { get; } = new RoutedDoorSensorPort();

        /// <summary>Status LED and buzzer.</summary>
        public GpioFeedbackPort Feedback { get; }

        /// <summary>The keypad, or null when the board has none; call Start once the controller listens.</summary>
        public KeyMatrixKeypadPort Keypad { get; }

        /// <summary>The scanner, or null when the board has none.</summary>
        public SerialScannerPort Scanner { get; }

        private void OpenExpanders(BoardDefinition board)
        {
            I2cDefinition i2c = board.I2c;
            if (i2c == null)
            {
                return;
            }

            Configuration.SetPinFunction(i2c.Sda, i2c.Bus == 1 ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(i2c.Scl, i2c.Bus == 1 ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK);
            I2cBusSpeed speed = i2c.SpeedHz >= 400000 ? I2cBusSpeed.FastMode : I2cBusSpeed.StandardMode;
            for (int i = 0; i < board.Expanders.Length; i++)
            {
                ExpanderDefinition expander = board.Expanders[i];
                _chips[expander.Id] = new Mcp23017(new I2cDevice(new I2cConnectionSettings(i2c.Bus, expander.Address, speed)));
            }
        }

        // 0..7 = port A bit, 8..15 = port B bit.
        private static int LineIndex(LineRef line)
        {
            return (line.Port == 'B' ? 8 : 0) + line.Bit;
        }
    }
}

using System.Collections;

namespace Lockers.Core.Board
{
    /// <summary>
    /// Records every line the board uses, with the path that first used it, and applies the pin rules of
    /// docs/board-file.md as each GPIO is claimed. ESP32: no line twice, pins that exist, no flash,
    /// debug-UART or (on WROVER modules) PSRAM pins, no output on an input-only pin, and on a strapping
    /// pin nothing but the status LED and keypad outputs. Raspberry Pi (<see cref="RaspberryPiPins"/>): header
    /// pins only, never the ID EEPROM pins, GPIO2/3 only for the I2C bus and GPIO14/15 only for the scanner,
    /// and no lock or buzzer on a pin pulled up at reset.
    /// </summary>
    internal sealed class LineRegistry
    {
        private readonly Hashtable _firstUse = new Hashtable();
        private readonly BoardReader _reader;
        private readonly string _mcu;
        private readonly bool _wrover;
        private readonly bool _raspberryPi;

        /// <summary>Problems go to <paramref name="reader"/>; <paramref name="mcu"/> decides whether GPIO16/17 are PSRAM.</summary>
        internal LineRegistry(BoardReader reader, string mcu)
        {
            _reader = reader;
            _mcu = mcu;
            _wrover = Esp32Pins.IsWrover(mcu);
            _raspberryPi = RaspberryPiPins.IsRaspberryPi(mcu);
        }

        /// <summary>True when the board is a Raspberry Pi (its pin rules apply instead of the ESP32's).</summary>
        internal bool IsRaspberryPi => _raspberryPi;

        /// <summary>
        /// Claims a GPIO. <paramref name="drives"/>: the firmware drives it as an output.
        /// <paramref name="holdsAtBoot"/>: what is wired to it pulls it up or down while the chip resets
        /// (every use except the status LED and keypad outputs).
        /// Pins already reported invalid (&lt; 0) are skipped.
        /// </summary>
        internal void UseGpio(int gpio, string path, bool drives, bool holdsAtBoot)
        {
            if (gpio < 0) return;
            if (_raspberryPi)
            {
                if (CheckRaspberryPi(gpio, path, drives, holdsAtBoot)) Claim(LineRef.ForGpio(gpio), path);
                return;
            }

            if (!Esp32Pins.Exists(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " does not exist on the ESP32");
                return;
            }

            if (Esp32Pins.IsFlash(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is wired to the flash chip (6-11), never use it");
                return;
            }

            if (Esp32Pins.IsDebugUart(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is COM1, the debug port (1, 3), never use it");
                return;
            }

            if (_wrover && Esp32Pins.IsPsram(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is wired to the PSRAM on " + _mcu + " (16, 17), never use it");
                return;
            }

            if (drives && Esp32Pins.IsInputOnly(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is input-only (34-39), it cannot drive an output");
            }

            if (holdsAtBoot && Esp32Pins.IsStrapping(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is a strapping pin (0, 2, 5, 12, 15): only the status LED and keypad outputs may use it");
            }

            Claim(LineRef.ForGpio(gpio), path);
        }

        // The fixed-function pins are told apart by the path that uses them ("i2c.sda", "scanner.tx"): the path is
        // what names a line's use everywhere in this format. False when the pin cannot be claimed at all.
        private bool CheckRaspberryPi(int gpio, string path, bool drives, bool holdsAtBoot)
        {
            if (!RaspberryPiPins.Exists(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is not on the Raspberry Pi header (0-27)");
                return false;
            }

            if (RaspberryPiPins.IsIdEeprom(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is the HAT ID EEPROM bus (0, 1), never use it");
                return false;
            }

            if (!FixedPinFits(gpio, path, "i2c.sda", RaspberryPiPins.I2cSda, "i2c.scl", RaspberryPiPins.I2cScl, RaspberryPiPins.IsI2c(gpio),
                    "I2C bus 1 (SDA 2, SCL 3, with 1.8 kOhm pull-ups on the Pi)"))
            {
                return false;
            }

            if (!FixedPinFits(gpio, path, "scanner.tx", RaspberryPiPins.UartTx, "scanner.rx", RaspberryPiPins.UartRx, RaspberryPiPins.IsUart(gpio),
                    "the primary UART " + RaspberryPiPins.ScannerUart + " (TX 14, RX 15)"))
            {
                return false;
            }

            if (drives && holdsAtBoot && RaspberryPiPins.IsPulledUpAtReset(gpio) && !RaspberryPiPins.IsI2c(gpio))
            {
                _reader.Add(path, "GPIO " + gpio + " is pulled up at reset (0-8), which would switch on a lock or buzzer while the Pi boots");
            }

            return true;
        }

        // A pair of pins with one function: only its two uses may take them, and those uses take only them.
        private bool FixedPinFits(int gpio, string path, string firstUse, int firstPin, string secondUse, int secondPin, bool isPair, string what)
        {
            bool isUse = path == firstUse || path == secondUse;
            int expected = path == firstUse ? firstPin : secondPin;
            if (isUse && gpio != expected)
            {
                _reader.Add(path, "must be GPIO " + expected + " on a Raspberry Pi: " + what);
                return false;
            }

            if (!isUse && isPair)
            {
                _reader.Add(path, "GPIO " + gpio + " belongs to " + what + ", never use it for anything else");
                return false;
            }

            return true;
        }

        /// <summary>Claims a line (GPIO lines must go through <see cref="UseGpio"/> first for the pin rules).</summary>
        internal void Claim(LineRef line, string path)
        {
            string key = line.ToString();
            object? first = _firstUse[key];
            if (first != null)
            {
                _reader.Add(path, key + " is already used by " + (string)first);
                return;
            }

            _firstUse[key] = path;
        }
    }
}

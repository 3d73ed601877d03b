using System.Collections;

namespace Lockers.Core.Board
{
    /// <summary>
    /// Records every line the board uses, with the path that first used it, and applies the ESP32 pin
    /// rules of docs/board-file.md as each GPIO is claimed: no line twice, pins that exist, no flash,
    /// debug-UART or (on WROVER modules) PSRAM pins, no output on an input-only pin, and on a strapping
    /// pin nothing but the status LED and keypad outputs.
    /// </summary>
    internal sealed class LineRegistry
    {
        private readonly Hashtable _firstUse = new Hashtable();
        private readonly BoardReader _reader;
        private readonly string _mcu;
        private readonly bool _wrover;

        /// <summary>Problems go to <paramref name="reader"/>; <paramref name="mcu"/> decides whether GPIO16/17 are PSRAM.</summary>
        internal LineRegistry(BoardReader reader, string mcu)
        {
            _reader = reader;
            _mcu = mcu;
            _wrover = Esp32Pins.IsWrover(mcu);
        }

        /// <summary>
        /// Claims a GPIO. <paramref name="drives"/>: the firmware drives it as an output.
        /// <paramref name="holdsAtBoot"/>: what is wired to it pulls it up or down while the chip resets
        /// (every use except the status LED and keypad outputs).
        /// Pins already reported invalid (&lt; 0) are skipped.
        /// </summary>
        internal void UseGpio(int gpio, string path, bool drives, bool holdsAtBoot)
        {
            if (gpio < 0) return;
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

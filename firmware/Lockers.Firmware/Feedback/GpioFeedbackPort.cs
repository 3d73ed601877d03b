using System.Device.Gpio;
using System.Device.Pwm;
using System.Diagnostics;
using System.Threading;
using Lockers.Core.Ports;
using nanoFramework.Hardware.Esp32;

namespace Lockers.Firmware.Feedback
{
    /// <summary>
    /// Status LED on an ESP32 pin and a piezo sounder driven with a PWM tone (either may be absent: pin -1).
    /// The board has no display, so text goes to the debug output. One 100 ms timer blinks the LED and ends
    /// beeps, so no call blocks.
    /// </summary>
    public sealed class GpioFeedbackPort : IFeedbackPort
    {
        /// <summary>The tone in hertz: the reference board's sounder (TDK PS1240) resonates at 4 kHz.</summary>
        public const int ToneHz = 4000;

        private const int TickMs = 100;

        private readonly object _sync = new object();
        private readonly GpioController _gpio;
        private readonly int _ledPin;
        private readonly PwmChannel _buzzer;
        private LedState _led = LedState.Off;
        private int _ticks;
        private int _beepTicksLeft;

        /// <summary>Opens the LED pin as an output (off) and routes the buzzer pin to a PWM channel (silent).</summary>
        public GpioFeedbackPort(GpioController gpio, int ledPin, int buzzerPin)
        {
            _gpio = gpio;
            _ledPin = ledPin;
            if (ledPin >= 0)
            {
                _gpio.OpenPin(ledPin, PinMode.Output);
                _gpio.Write(ledPin, PinValue.Low);
            }

            if (buzzerPin >= 0)
            {
                Configuration.SetPinFunction(buzzerPin, DeviceFunction.PWM1);

                // Null when the pin cannot do PWM: the locker then beeps nowhere, which is not worth a failed boot.
                _buzzer = PwmChannel.CreateFromPin(buzzerPin, ToneHz, 0.5);
            }

            Ticker = new Timer(OnTick, null, TickMs, TickMs);
        }

        // Held so the timer stays reachable (an unreferenced Timer may be collected).
        private Timer Ticker { get; }

        /// <inheritdoc/>
        public void ShowText(string text)
        {
            Debug.WriteLine("display: " + text);
        }

        /// <inheritdoc/>
        public void Beep(BeepKind kind)
        {
            if (_buzzer == null)
            {
                return;
            }

            int ticks = kind == BeepKind.Key ? 1 : kind == BeepKind.Success ? 2 : kind == BeepKind.Error ? 5 : 10;
            lock (_sync)
            {
                _beepTicksLeft = ticks;
                _buzzer.Start();
            }
        }

        /// <inheritdoc/>
        public void SetLed(LedState state)
        {
            lock (_sync)
            {
                _led = state;
                WriteLed(state != LedState.Off);
            }
        }

        private void OnTick(object state)
        {
            lock (_sync)
            {
                _ticks++;
                if (_led == LedState.FastBlink || (_led == LedState.SlowBlink && _ticks % 5 == 0))
                {
                    // Fast: toggles every 100 ms; slow: every 500 ms.
                    WriteLed(_led == LedState.FastBlink ? _ticks % 2 == 0 : _ticks % 10 == 0);
                }

                if (_beepTicksLeft > 0 && --_beepTicksLeft == 0)
                {
                    _buzzer.Stop();
                }
            }
        }

        private void WriteLed(bool on)
        {
            if (_ledPin >= 0)
            {
                _gpio.Write(_ledPin, on ? PinValue.High : PinValue.Low);
            }
        }
    }
}

using System.Device.Gpio;
using Lockers.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux.Feedback;

/// <summary>
/// Status LED and buzzer on GPIO pins, both active high; a board without one passes -1. The buzzer is driven
/// on and off (an active buzzer; a passive piezo needs a PWM tone this port does not make). There is no display
/// driver: the text goes to the log (journald under systemd).
/// </summary>
public sealed class GpioFeedbackPort : IFeedbackPort, IDisposable
{
    private readonly object _sync = new();
    private readonly GpioController _gpio;
    private readonly int _led;
    private readonly int _buzzer;
    private readonly ILogger? _logger;
    private readonly Timer _blink;
    private readonly Timer _beepEnd;
    private bool _ledOn;
    private bool _disposed;

    /// <summary>Opens the LED and buzzer pins (when present) as outputs, both off.</summary>
    public GpioFeedbackPort(GpioController gpio, int ledPin, int buzzerPin, ILogger? logger = null)
    {
        _gpio = gpio;
        _led = ledPin;
        _buzzer = buzzerPin;
        _logger = logger;
        if (_led >= 0)
        {
            _gpio.OpenPin(_led, PinMode.Output, PinValue.Low);
        }

        if (_buzzer >= 0)
        {
            _gpio.OpenPin(_buzzer, PinMode.Output, PinValue.Low);
        }

        _blink = new Timer(_ => ToggleLed());
        _beepEnd = new Timer(_ => Write(_buzzer, false));
    }

    /// <summary>The last text shown.</summary>
    public string Text { get; private set; } = "";

    /// <inheritdoc />
    public void ShowText(string text)
    {
        Text = text;
        _logger?.LogInformation("display: {Text}", text);
    }

    /// <inheritdoc />
    public void Beep(BeepKind kind)
    {
        int ms = kind switch
        {
            BeepKind.Key => 30,
            BeepKind.Success => 200,
            BeepKind.Error => 600,
            _ => 1000,
        };
        Write(_buzzer, true);
        _beepEnd.Change(ms, Timeout.Infinite);
    }

    /// <inheritdoc />
    public void SetLed(LedState state)
    {
        int period = state switch
        {
            LedState.SlowBlink => 500,
            LedState.FastBlink => 100,
            _ => Timeout.Infinite,
        };
        _blink.Change(period, period);
        lock (_sync)
        {
            _ledOn = state != LedState.Off;
        }

        Write(_led, state != LedState.Off);
    }

    /// <summary>Stops the timers and switches the LED and buzzer off.</summary>
    public void Dispose()
    {
        _blink.Dispose();
        _beepEnd.Dispose();
        Write(_led, false);
        Write(_buzzer, false);
        lock (_sync)
        {
            _disposed = true;
        }
    }

    private void ToggleLed()
    {
        bool on;
        lock (_sync)
        {
            _ledOn = !_ledOn;
            on = _ledOn;
        }

        Write(_led, on);
    }

    private void Write(int pin, bool high)
    {
        lock (_sync)
        {
            if (pin < 0 || _disposed)
            {
                return;
            }

            _gpio.Write(pin, high ? PinValue.High : PinValue.Low);
        }
    }
}

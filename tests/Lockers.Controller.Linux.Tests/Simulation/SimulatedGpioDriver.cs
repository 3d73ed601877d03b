using System.Device.Gpio;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>
/// A GPIO chip as System.Device.Gpio sees it (a <see cref="GpioDriver"/>), so GpioController and the bindings run
/// their own code against it. Outputs remember their level; an input reads, in order: a pressed key of a wired
/// keypad matrix joining it to an output that is High; the level something outside drives (a reed switch); its
/// bias (pull-up High, pull-down Low); otherwise Low. Writing a pin that is not an open output throws, as
/// libgpiod does, so a driver that forgets to open a pin fails here too.
/// </summary>
public sealed partial class SimulatedGpioDriver : GpioDriver
{
    private readonly object _sync = new();
    private readonly object _eventGate = new();
    private readonly Dictionary<int, PinMode> _modes = new();
    private readonly Dictionary<int, PinValue> _outputs = new();
    private readonly Dictionary<int, bool> _outside = new();
    private readonly HashSet<(int Output, int Input)> _closedContacts = new();
    private readonly HashSet<int> _everHigh = new();
    private readonly Dictionary<int, bool> _raised = new();
    private readonly Dictionary<(int Output, int Input, bool Closed), long> _scans = new();

    /// <summary>A chip with <paramref name="pinCount"/> lines (28: a Raspberry Pi header's GPIO0-27).</summary>
    public SimulatedGpioDriver(int pinCount = 28) => LineCount = pinCount;

    /// <summary>Raised in order, outside the pin lock, whenever an output's level changes (pin, High?).</summary>
    public event Action<int, bool>? OutputChanged;

    /// <summary>How many lines the chip has.</summary>
    public int LineCount { get; }

    /// <summary>Pins ever driven High since creation.</summary>
    public IReadOnlyCollection<int> EverHigh
    {
        get
        {
            lock (_sync)
            {
                return _everHigh.ToList();
            }
        }
    }

    /// <summary>Reads of any pin so far.</summary>
    public long Reads { get; private set; }

    /// <inheritdoc />
    protected override int PinCount => LineCount;

    /// <summary>The mode a pin is open in, or null when closed.</summary>
    public PinMode? ModeOf(int pin)
    {
        lock (_sync)
        {
            return _modes.TryGetValue(pin, out var mode) ? mode : null;
        }
    }

    /// <summary>True when <paramref name="pin"/> is an open output driven High.</summary>
    public bool IsHigh(int pin)
    {
        lock (_sync)
        {
            return _modes.TryGetValue(pin, out var mode) && mode == PinMode.Output && _outputs[pin] == PinValue.High;
        }
    }

    /// <summary>Drives <paramref name="pin"/> from outside (a reed switch), or lets it go (null).</summary>
    public void SetOutside(int pin, bool? high)
    {
        lock (_sync)
        {
            if (high is null)
            {
                _outside.Remove(pin);
            }
            else
            {
                _outside[pin] = high.Value;
            }
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_sync)
        {
            CheckLine(pinNumber);
            if (_modes.ContainsKey(pinNumber))
            {
                throw new IOException($"GPIO{pinNumber} is busy: already requested");
            }

            _modes[pinNumber] = PinMode.Input;
            _outputs[pinNumber] = PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        bool wasHigh;
        lock (_sync)
        {
            wasHigh = _modes.TryGetValue(pinNumber, out var mode) && mode == PinMode.Output && _outputs[pinNumber] == PinValue.High;
            _modes.Remove(pinNumber);
            _outputs.Remove(pinNumber);
        }

        // A released line stops driving: whatever it drove sees Low (the gate pull-down).
        if (wasHigh)
        {
            Raise(pinNumber, false);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => SetPinMode(pinNumber, mode, PinValue.Low);

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        bool? changed = null;
        lock (_sync)
        {
            Require(pinNumber);
            bool wasHigh = _modes[pinNumber] == PinMode.Output && _outputs[pinNumber] == PinValue.High;
            _modes[pinNumber] = mode;
            if (mode == PinMode.Output)
            {
                _outputs[pinNumber] = initialValue;
                if (initialValue == PinValue.High)
                {
                    _everHigh.Add(pinNumber);
                }
            }

            bool isHigh = mode == PinMode.Output && _outputs[pinNumber] == PinValue.High;
            if (isHigh != wasHigh)
            {
                changed = isHigh;
            }
        }

        if (changed is bool high)
        {
            Raise(pinNumber, high);
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_sync)
        {
            Require(pinNumber);
            return _modes[pinNumber];
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_sync)
        {
            Require(pinNumber);
            Reads++;
            var mode = _modes[pinNumber];
            if (mode == PinMode.Output)
            {
                return _outputs[pinNumber];
            }

            CountScans(pinNumber);

            foreach (var (output, input) in _closedContacts)
            {
                if (input == pinNumber && _modes.TryGetValue(output, out var outputMode) && outputMode == PinMode.Output
                    && _outputs[output] == PinValue.High)
                {
                    return PinValue.High;
                }
            }

            if (_outside.TryGetValue(pinNumber, out bool high))
            {
                return high ? PinValue.High : PinValue.Low;
            }

            return mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        bool changed;
        lock (_sync)
        {
            Require(pinNumber);
            if (_modes[pinNumber] != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO{pinNumber} is not an output");
            }

            changed = _outputs[pinNumber] != value;
            _outputs[pinNumber] = value;
            if (value == PinValue.High)
            {
                _everHigh.Add(pinNumber);
            }
        }

        if (changed)
        {
            Raise(pinNumber, value == PinValue.High);
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("edge events are not simulated: the Lockers drivers poll");

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("edge events are not simulated: the Lockers drivers poll");

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("edge events are not simulated: the Lockers drivers poll");

    private void CheckLine(int pin)
    {
        if (pin < 0 || pin >= LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"the chip has lines 0..{LineCount - 1}");
        }
    }

    private void Require(int pin)
    {
        if (!_modes.ContainsKey(pin))
        {
            throw new InvalidOperationException($"GPIO{pin} is not open");
        }
    }

    // One at a time, and each raise reports the pin's level as it is now, so two writers racing on one pin can
    // never leave the last event saying something other than the pin's state.
    private void Raise(int pin, bool _)
    {
        lock (_eventGate)
        {
            bool now;
            lock (_sync)
            {
                now = _modes.TryGetValue(pin, out var mode) && mode == PinMode.Output && _outputs[pin] == PinValue.High;
                if (_raised.TryGetValue(pin, out bool last) && last == now)
                {
                    return;
                }

                _raised[pin] = now;
            }

            OutputChanged?.Invoke(pin, now);
        }
    }
}

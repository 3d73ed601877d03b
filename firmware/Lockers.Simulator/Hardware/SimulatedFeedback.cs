using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>The display, buzzer and status LED, remembered so the terminal can draw them and tests can read them.</summary>
public sealed class SimulatedFeedback : IFeedbackPort
{
    private readonly object _gate = new();
    private readonly List<BeepKind> _beeps = new();
    private string _text = "";
    private LedState _led;

    /// <summary>Raised after any change; may be raised on any thread.</summary>
    public event Action? Changed;

    /// <summary>The text on the display.</summary>
    public string Text { get { lock (_gate) return _text; } }

    /// <summary>The status LED.</summary>
    public LedState Led { get { lock (_gate) return _led; } }

    /// <summary>Every beep so far, oldest first.</summary>
    public BeepKind[] Beeps { get { lock (_gate) return _beeps.ToArray(); } }

    /// <inheritdoc />
    public void ShowText(string text) => Set(() => _text = text);

    /// <inheritdoc />
    public void Beep(BeepKind kind) => Set(() => _beeps.Add(kind));

    /// <inheritdoc />
    public void SetLed(LedState state) => Set(() => _led = state);

    private void Set(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Changed?.Invoke();
    }
}

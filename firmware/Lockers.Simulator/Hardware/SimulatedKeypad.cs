using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>A 3x4 keypad pressed by the terminal or a test.</summary>
public sealed class SimulatedKeypad : IKeypadPort
{
    private const string Keys = "0123456789*#";

    /// <inheritdoc />
    public event KeyPressedHandler? KeyPressed;

    /// <summary>Presses one key ('0'..'9', '*' or '#'); other characters are refused.</summary>
    public void Press(char key)
    {
        if (!Keys.Contains(key))
        {
            throw new ArgumentException($"the keypad has no '{key}' key", nameof(key));
        }

        KeyPressed?.Invoke(key);
    }

    /// <summary>Presses every key of <paramref name="keys"/> in order (for example "123456#").</summary>
    public void Type(string keys)
    {
        foreach (var key in keys)
        {
            Press(key);
        }
    }
}

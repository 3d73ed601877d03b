using System.Device.Gpio;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>The keypad matrix on the simulated GPIO chip: contacts a pressed key closes, and the scans that saw them.</summary>
public sealed partial class SimulatedGpioDriver
{
    /// <summary>Closes (a key pressed) or opens the matrix contact between <paramref name="output"/> and <paramref name="input"/>.</summary>
    public void SetContact(int output, int input, bool closed)
    {
        lock (_sync)
        {
            if (closed)
            {
                _closedContacts.Add((output, input));
            }
            else
            {
                _closedContacts.Remove((output, input));
            }
        }
    }

    /// <summary>
    /// How often <paramref name="input"/> was read while <paramref name="output"/> drove High and the contact between
    /// them was <paramref name="closed"/>: a keypad scan that saw a key down (or up). Tests wait on it, not on time.
    /// </summary>
    public long Scans(int output, int input, bool closed)
    {
        lock (_sync)
        {
            return _scans.TryGetValue((output, input, closed), out long count) ? count : 0;
        }
    }

    private void CountScans(int input)
    {
        foreach (var (pin, mode) in _modes)
        {
            if (mode == PinMode.Output && _outputs[pin] == PinValue.High)
            {
                var key = (pin, input, _closedContacts.Contains((pin, input)));
                _scans[key] = (_scans.TryGetValue(key, out long count) ? count : 0) + 1;
            }
        }
    }
}

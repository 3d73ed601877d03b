namespace Lockers.Simulator.Hardware;

/// <summary>
/// One compartment door with a spring and a solenoid latch. Energising the solenoid releases the latch
/// and the spring pushes the door open, unless the door is jammed (then it stays shut). A forced door
/// opens without any pulse. Only a person closes a door. Thread-safe: the terminal, tests and the
/// controller's loop touch it from different threads.
/// </summary>
public sealed class SimulatedDoor
{
    private readonly object _gate = new();
    private bool _open;
    private bool _jammed;
    private bool _energised;

    /// <summary>Creates a closed, working door for a compartment (board number).</summary>
    public SimulatedDoor(int compartment) => Compartment = compartment;

    /// <summary>The compartment's board number.</summary>
    public int Compartment { get; }

    /// <summary>Raised after any change (open, close, jam, solenoid); may be raised on any thread.</summary>
    public event Action<SimulatedDoor>? Changed;

    /// <summary>True while the door stands open (what the reed switch reports).</summary>
    public bool IsOpen { get { lock (_gate) return _open; } }

    /// <summary>True while the door is jammed: pulses do not open it.</summary>
    public bool IsJammed { get { lock (_gate) return _jammed; } }

    /// <summary>True while the solenoid is energised.</summary>
    public bool IsEnergised { get { lock (_gate) return _energised; } }

    /// <summary>How many times the solenoid was energised.</summary>
    public int PulseCount { get; private set; }

    /// <summary>How many times the door was opened without a pulse.</summary>
    public int ForcedCount { get; private set; }

    /// <summary>Energises or releases the solenoid; energising a closed, working door springs it open.</summary>
    public void SetSolenoid(bool on)
    {
        lock (_gate)
        {
            if (on && !_energised)
            {
                PulseCount++;
                if (!_jammed)
                {
                    _open = true;
                }
            }

            _energised = on;
        }

        Changed?.Invoke(this);
    }

    /// <summary>A person shuts the door (the latch catches it again).</summary>
    public void Close() => Set(() => _open = false);

    /// <summary>Jams the door (true) so pulses no longer open it, or frees it (false).</summary>
    public void Jam(bool jammed = true) => Set(() => _jammed = jammed);

    /// <summary>Someone pries the door open without a pulse.</summary>
    public void Force()
    {
        Set(() =>
        {
            if (!_open)
            {
                ForcedCount++;
            }

            _open = true;
        });
    }

    private void Set(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Changed?.Invoke(this);
    }
}

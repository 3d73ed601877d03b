using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Locks;

/// <summary>
/// The board's lock outputs as the core's one solenoid port: each compartment goes to the group (GPIO pins or
/// one MCP23017) its lock is wired to. It holds the safety rules below the core, as a second line of defence:
/// <list type="bullet">
/// <item>never two coils at once: energising a second one while another is on releases everything and throws,
/// so a bug in a caller is loud and leaves nothing on;</item>
/// <item>every call takes one lock, so a pulse cut-off timer may release a coil from its own thread while the
/// main loop drives the port (the cut-off itself is the core's contract; see the README);</item>
/// <item>all outputs off on <see cref="AllOff"/> even when one group fails, and on <see cref="Dispose"/>.</item>
/// </list>
/// </summary>
public sealed class RoutedSolenoidPort : ISolenoidPort, IDisposable
{
    private readonly object _sync = new();
    private readonly Dictionary<int, ISolenoidPort> _routes = new();
    private readonly List<ISolenoidPort> _groups = new();
    private int _energised; // the compartment whose coil is on, 0 when none
    private bool _disposed;

    /// <summary>Routes <paramref name="compartment"/> to <paramref name="group"/>.</summary>
    public void Add(int compartment, ISolenoidPort group)
    {
        lock (_sync)
        {
            _routes[compartment] = group;
            if (!_groups.Contains(group))
            {
                _groups.Add(group);
            }
        }
    }

    /// <summary>The compartment whose coil is energised now, or 0.</summary>
    public int Energised
    {
        get
        {
            lock (_sync)
            {
                return _energised;
            }
        }
    }

    /// <inheritdoc />
    public void SetEnergised(int compartment, bool on)
    {
        lock (_sync)
        {
            if (!_routes.TryGetValue(compartment, out var group))
            {
                return; // a compartment the board does not wire has nothing to drive
            }

            if (!on)
            {
                group.SetEnergised(compartment, false);
                if (_energised == compartment)
                {
                    _energised = 0;
                }

                return;
            }

            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(RoutedSolenoidPort), "the lock outputs are shut down");
            }

            if (_energised != 0 && _energised != compartment)
            {
                int other = _energised;
                AllOffLocked();
                throw new InvalidOperationException(
                    $"compartment {compartment} asked to be energised while {other} still is: every lock released");
            }

            _energised = compartment;
            group.SetEnergised(compartment, true);
        }
    }

    /// <inheritdoc />
    public void AllOff()
    {
        lock (_sync)
        {
            AllOffLocked();
        }
    }

    /// <summary>Releases every output and refuses to energise any again.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            AllOffLocked();
        }
    }

    // Every group is released even when another fails (an I2C error on one expander); the first error is rethrown.
    private void AllOffLocked()
    {
        _energised = 0;
        Exception? failure = null;
        foreach (var group in _groups)
        {
            try
            {
                group.AllOff();
            }
            catch (Exception error)
            {
                failure ??= error;
            }
        }

        if (failure is not null)
        {
            throw new IOException("releasing the lock outputs failed on at least one group", failure);
        }
    }
}

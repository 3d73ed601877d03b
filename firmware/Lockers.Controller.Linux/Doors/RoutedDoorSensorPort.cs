using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Doors;

/// <summary>The board's door sensors as one port: each compartment is read from the group (GPIO pins or one MCP23017) its sensor is wired to.</summary>
public sealed class RoutedDoorSensorPort : IDoorSensorPort
{
    private readonly Dictionary<int, IDoorSensorPort> _routes = new();

    /// <summary>Routes <paramref name="compartment"/> to <paramref name="group"/>.</summary>
    public void Add(int compartment, IDoorSensorPort group) => _routes[compartment] = group;

    /// <inheritdoc />
    public bool ReadOpen(int compartment) => _routes.TryGetValue(compartment, out var group) && group.ReadOpen(compartment);
}

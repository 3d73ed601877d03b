using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>The reed switches of a <see cref="SimulatedCabinet"/>: a door reads open exactly while it stands open.</summary>
public sealed class SimulatedDoorSensorPort : IDoorSensorPort
{
    private readonly SimulatedCabinet _cabinet;

    /// <summary>Reads the cabinet's doors.</summary>
    public SimulatedDoorSensorPort(SimulatedCabinet cabinet) => _cabinet = cabinet;

    /// <inheritdoc />
    public bool ReadOpen(int compartment) => _cabinet.Contains(compartment) && _cabinet[compartment].IsOpen;
}

namespace Lockers.Bench.Firmware;

/// <summary>One measured operation: managed bytes the core allocated per operation and the payload bytes it moved.</summary>
/// <param name="WireBytesPerOp">Payload bytes published or received per operation (the JSON itself); 0 when nothing goes on the wire.</param>
/// <param name="TargetBytes">The design target per operation, or -1 when there is none: 0 means nothing may be allocated, a positive target is a bound the figure must stay under.</param>
public sealed record FirmwareFigure(string Operation, double BytesPerOp, double WireBytesPerOp, double TargetBytes = -1)
{
    /// <summary>The managed heap an ESP32 has under nanoFramework, about 79 KB.</summary>
    public const double DeviceHeapBytes = 79 * 1024;

    public bool HasTarget => TargetBytes >= 0;

    /// <summary>
    /// True when the figure is under its target, as the targets read ("under 2,048 B per pickup"): a figure equal to a
    /// positive target misses it. A 0-byte target ("nothing allocated") is met only by exactly 0.
    /// </summary>
    public bool MeetsTarget => !HasTarget || (TargetBytes == 0 ? BytesPerOp == 0 : BytesPerOp < TargetBytes);

    /// <summary>How many of these operations allocate as much as the device's whole heap.</summary>
    public double OpsPerDeviceHeap => BytesPerOp <= 0 ? double.PositiveInfinity : DeviceHeapBytes / BytesPerOp;
}

/// <summary>Everything one run of the firmware benchmark measured.</summary>
public sealed record FirmwareBenchResult(
    FirmwareBenchOptions Options,
    int ProcessorCount,
    string Runtime,
    IReadOnlyList<FirmwareFigure> Operations,
    IReadOnlyList<FirmwareFigure> PickupPhases,
    IReadOnlyList<FirmwareFigure> Parts);

using Lockers.Core.Board;

namespace Lockers.Gateway.Registry;

/// <summary>
/// Sizes are the core's <see cref="CompartmentSize"/> everywhere (board files, the API and the registry read the same
/// names: S, M, L, XL). Only the gateway's stored forms number them, 1 (S) to 4 (XL): the database's size columns and
/// the fingerprint of an idempotent booking request. This is the one place that numbering is written.
/// </summary>
public static class CompartmentSizeNumbers
{
    public static int ToNumber(CompartmentSize size) => size switch
    {
        CompartmentSize.S => 1,
        CompartmentSize.M => 2,
        CompartmentSize.L => 3,
        CompartmentSize.XL => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "not a compartment size"),
    };

    /// <exception cref="FormatException">A stored number outside 1..4.</exception>
    public static CompartmentSize FromNumber(long number) => number switch
    {
        1 => CompartmentSize.S,
        2 => CompartmentSize.M,
        3 => CompartmentSize.L,
        4 => CompartmentSize.XL,
        _ => throw new FormatException($"{number} is not a stored compartment size (1..4)"),
    };
}

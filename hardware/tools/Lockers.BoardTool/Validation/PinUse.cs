namespace Lockers.BoardTool.Validation;

/// <summary>Whether the ESP32 drives a pin, reads it, or both (I2C).</summary>
public enum PinDirection { Output, Input, Both }

/// <summary>
/// One ESP32 GPIO as a board file uses it. <paramref name="HoldsAtBoot"/> says the circuit on
/// the pin pulls it to a level while the chip is in reset: a pull-up or pull-down on an input, the
/// pull-down on a MOSFET gate that keeps a lock off, a UART peripheral idling high.
/// </summary>
public sealed record PinUse(string Path, int Pin, PinDirection Direction, bool HoldsAtBoot, string What);

/// <summary>One expander bit as a board file uses it.</summary>
public sealed record ExpanderBitUse(string Path, string Expander, string Port, int Bit, PinDirection Direction, string What)
{
    public string Name => $"{Expander} GP{Port}{Bit}";
}

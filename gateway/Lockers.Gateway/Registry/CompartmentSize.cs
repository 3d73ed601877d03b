namespace Lockers.Gateway.Registry;

/// <summary>Compartment sizes, smallest first; the numeric value orders them ("the smallest that fits").</summary>
public enum CompartmentSize
{
    S = 1,
    M = 2,
    L = 3,
    XL = 4,
}

public static class CompartmentSizes
{
    public static bool TryParse(string? text, out CompartmentSize size)
    {
        size = default;
        return text is "S" or "M" or "L" or "XL" && Enum.TryParse(text, out size);
    }
}

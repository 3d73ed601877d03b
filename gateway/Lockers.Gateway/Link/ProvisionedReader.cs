namespace Lockers.Gateway.Link;

/// <summary>What a reader of a locker is: its keypad, or its QR scanner.</summary>
public enum ReaderKind
{
    Keypad,
    Scanner,
}

/// <summary>
/// A reader a locker was provisioned with (its device config's keypadId or scannerId, recorded by provisioning). A code from
/// any other reader, or from a reader of the other kind, is refused before it is checked (ADR 0109).
/// </summary>
public sealed record ProvisionedReader(string ReaderId, ReaderKind Kind)
{
    public static IReadOnlyList<ProvisionedReader> Of(string keypadId, string scannerId) =>
        [new(keypadId, ReaderKind.Keypad), new(scannerId, ReaderKind.Scanner)];

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {ReaderId}";
}

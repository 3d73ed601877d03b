using System.Security.Cryptography;
using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Link;

/// <summary>
/// Makes, seals and unseals a locker's 32-byte command key. The locker id is part of the sealing purpose,
/// so a sealed key copied onto another locker's row fails to unseal instead of signing for the wrong door.
/// </summary>
public sealed class CommandKeys(SecretSealer sealer)
{
    /// <summary>Key length in bytes, as the device configuration requires.</summary>
    public const int KeyBytes = 32;

    public static byte[] Generate() => RandomNumberGenerator.GetBytes(KeyBytes);

    public byte[] Seal(string lockerId, byte[] key) => sealer.Seal(Convert.ToBase64String(key), Purpose(lockerId));

    /// <exception cref="CryptographicException">The sealed key was tampered with, moved, or sealed under another pepper.</exception>
    public byte[] Unseal(string lockerId, byte[] sealedKey) => Convert.FromBase64String(sealer.Unseal(sealedKey, Purpose(lockerId)));

    private static string Purpose(string lockerId) => "locker-command-key:" + lockerId;
}

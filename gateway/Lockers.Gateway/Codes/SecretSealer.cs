using System.Security.Cryptography;
using System.Text;

namespace Lockers.Gateway.Codes;

/// <summary>
/// AES-256-GCM under a key derived from the pepper, for the few secrets the gateway must hand over later
/// (webhook payloads carrying a PIN, idempotent replays, client webhook secrets). The purpose is bound as
/// associated data, so a sealed webhook secret cannot be passed off as a sealed response.
/// Layout: nonce (12) | ciphertext | tag (16).
/// </summary>
public sealed class SecretSealer(CodeSecrets secrets)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Seal(string plaintext, string purpose)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + clear.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(secrets.SealingKey, TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize, clear.Length), output.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    /// <exception cref="CryptographicException">Tampered data, wrong purpose, or a different pepper.</exception>
    public string Unseal(byte[] sealedData, string purpose)
    {
        var length = sealedData.Length - NonceSize - TagSize;
        var clear = new byte[length];
        using var aes = new AesGcm(secrets.SealingKey, TagSize);
        aes.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize, length),
            sealedData.AsSpan(NonceSize + length), clear, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(clear);
    }
}

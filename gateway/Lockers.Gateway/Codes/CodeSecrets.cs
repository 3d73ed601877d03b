using System.Security.Cryptography;
using System.Text;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Codes;

/// <summary>
/// Holds the pepper and the keys derived from it, one per purpose, so a key leaked from one use
/// (say, sealing) says nothing about another (code hashes).
/// </summary>
public sealed class CodeSecrets
{
    public CodeSecrets(IOptions<CodesOptions> codes, IOptions<StoreOptions> store, ILogger<CodeSecrets> logger)
    {
        var pepper = Encoding.UTF8.GetBytes(LoadPepper(codes.Value, store.Value, logger));
        CodeHashKey = Derive(pepper, "code-hash");
        ApiKeyHashKey = Derive(pepper, "api-key-hash");
        AccessTokenKey = Derive(pepper, "access-token");
        QrTokenKey = Derive(pepper, "qr-token");
        PinKey = Derive(pepper, "pickup-pin");
        CourierKey = Derive(pepper, "courier");
        SealingKey = Derive(pepper, "sealing");
        RequestHashKey = Derive(pepper, "request-hash");
    }

    public byte[] CodeHashKey { get; }
    public byte[] ApiKeyHashKey { get; }
    public byte[] AccessTokenKey { get; }
    public byte[] QrTokenKey { get; }
    public byte[] PinKey { get; }
    public byte[] CourierKey { get; }
    public byte[] SealingKey { get; }
    public byte[] RequestHashKey { get; }

    private static byte[] Derive(byte[] pepper, string purpose) =>
        HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes("lockers/v1/" + purpose));

    private static string LoadPepper(CodesOptions codes, StoreOptions store, ILogger logger)
    {
        if (!string.IsNullOrEmpty(codes.Pepper))
        {
            return codes.Pepper;
        }
        if (!string.IsNullOrEmpty(codes.PepperFile))
        {
            return File.ReadAllText(codes.PepperFile).Trim();
        }
        if (!codes.AllowDevPepper)
        {
            throw new InvalidOperationException("No pepper configured (see Codes:PepperFile).");
        }
        var path = Path.Combine(store.DataDirectory, "dev-pepper");
        if (SecretFiles.CreateFile(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
        {
            logger.LogWarning("Generated a development pepper at {Path}; never use Codes:AllowDevPepper in production", path);
        }
        else if (SecretFiles.Restrict(path))
        {
            logger.LogWarning("{Path} could be read by other users; narrowed to 0600", path);
        }
        return File.ReadAllText(path).Trim();
    }
}

using QRCoder;

namespace Lockers.Gateway.Codes;

/// <summary>QR images of codes: the recipient's pickup QR, a courier's badge.</summary>
public static class QrImage
{
    /// <summary>An SVG QR image of <paramref name="payload"/> (quiet zone included, error correction M).</summary>
    public static string Svg(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}

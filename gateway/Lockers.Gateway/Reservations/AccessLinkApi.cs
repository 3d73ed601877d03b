using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using QRCoder;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// GET /r/{accessToken}/qr.svg: the recipient's QR code. The access token is the only credential (128 random
/// bits, stored hashed); the QR token is derived from it, so nothing secret is kept in clear to draw the image.
/// </summary>
public static class AccessLinkApi
{
    public static RouteGroupBuilder MapAccessLinkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/r").WithTags("Recipient");
        group.MapGet("/{accessToken}/qr.svg", GetQrSvgAsync)
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The recipient's pickup QR code as SVG, while the parcel waits in the locker.");
        return group;
    }

    private static async Task<IResult> GetQrSvgAsync(string accessToken, ILockerStore store, CodeHasher hasher, HttpContext http)
    {
        var reservation = accessToken.Length is >= 16 and <= 64
            ? await store.ExecuteAsync(tx => tx.Reservations.FindByAccessTokenHashAsync(hasher.HashAccessToken(accessToken)), http.RequestAborted)
            : null;
        if (reservation?.Status != ReservationStatus.ReadyForPickup)
        {
            // Same answer for unknown, picked up and expired: the link tells nothing once it is useless.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No parcel waiting",
                detail: "This link does not belong to a parcel waiting for pickup.");
        }
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Text(RenderSvg(hasher.QrTokenFor(accessToken)), "image/svg+xml");
    }

    public static string RenderSvg(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}

using Lockers.Gateway.Localization;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Recipients;

/// <summary>
/// The recipient's parcel page at the access link, /r/{token}: GET shows it, POST extend and redirect act on it (then send
/// the browser back to the page: post, redirect, get), and /r/{token}/qr.svg draws the QR while the parcel waits. The
/// token is the only credential; the forms need no anti-forgery token because a cross-site page cannot know it. Every
/// answer is uncached and sends no referrer, so the link does not leak into caches or other sites' logs.
/// </summary>
public static class RecipientPageApi
{
    public const string RateLimitPolicy = "recipient";

    public static RouteGroupBuilder MapRecipientPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/r").WithTags("Recipient").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(NoStore);
        group.MapGet("/{accessToken}", GetPageAsync).WithSummary("The recipient's parcel page (HTML), in the reader's language.");
        group.MapPost("/{accessToken}/extend", ExtendAsync).DisableAntiforgery().WithSummary("Add hours to the pickup window (form: hours).");
        group.MapPost("/{accessToken}/redirect", RedirectAsync).DisableAntiforgery().WithSummary("Send the parcel to a nearby site (form: site).");
        group.MapGet("/{accessToken}/qr.svg", GetQrSvgAsync)
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The recipient's pickup QR code as SVG, while the parcel waits in the locker.");
        return group;
    }

    private static async Task<IResult> GetPageAsync(string accessToken, string? done, HttpContext http, RecipientActions recipients, RecipientPageRenderer pages)
    {
        var outcome = await recipients.ViewAsync(accessToken, http.RequestAborted);
        if (outcome is not RecipientOutcome.Done { View: var view })
        {
            return pages.NotFound(http);
        }

        var texts = pages.TextsFor(http, view);
        var notice = done switch
        {
            "extended" => texts["Notice.Extended"],
            "redirected" => texts["Notice.Redirected"],
            _ => null,
        };
        return pages.Render(http, view, accessToken, StatusCodes.Status200OK, notice: notice);
    }

    private static async Task<IResult> ExtendAsync(string accessToken, HttpContext http, RecipientActions recipients, RecipientPageRenderer pages)
    {
        var form = await ReadFormAsync(http);
        var hours = int.TryParse(form?["hours"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
        return Answer(http, pages, accessToken, await recipients.ExtendAsync(accessToken, hours, http.RequestAborted), "extended");
    }

    private static async Task<IResult> RedirectAsync(string accessToken, HttpContext http, RecipientActions recipients, RecipientPageRenderer pages)
    {
        var form = await ReadFormAsync(http);
        var site = form?["site"].ToString() ?? "";
        return Answer(http, pages, accessToken, await recipients.RedirectAsync(accessToken, site, http.RequestAborted), "redirected");
    }

    private static async Task<IResult> GetQrSvgAsync(string accessToken, RecipientActions recipients, HttpContext http)
    {
        if (await recipients.QrTokenAsync(accessToken, http.RequestAborted) is not { } qrToken)
        {
            // Same answer for unknown, picked up and expired: the link tells nothing once it is useless.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No parcel waiting",
                detail: "This link does not belong to a parcel waiting for pickup.");
        }

        return TypedResults.Text(QrImage.Svg(qrToken), "image/svg+xml");
    }

    /// <summary>Done: back to the page with a notice (303, so a reload does not post again). Refused: the page with the reason, nothing changed.</summary>
    private static IResult Answer(HttpContext http, RecipientPageRenderer pages, string accessToken, RecipientOutcome outcome, string done) => outcome switch
    {
        RecipientOutcome.Done => new SeeOther($"/r/{accessToken}?done={done}"),
        RecipientOutcome.Refused refused => pages.Render(http, refused.View, accessToken,
            refused.Reason == RecipientRefusal.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict,
            error: pages.Refusal(http, refused)),
        _ => pages.NotFound(http),
    };

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return await next(context);
    }

    /// <summary>303 See Other: after a form post, the browser gets the page with GET.</summary>
    private sealed class SeeOther(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}

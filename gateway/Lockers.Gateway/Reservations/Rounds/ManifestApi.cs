using System.Globalization;
using System.Security.Claims;
using Lockers.Gateway.Clients;

namespace Lockers.Gateway.Reservations.Rounds;

/// <summary>GET /api/v1/sites/{siteId}/manifest: a carrier's drop-offs and collections at a site, for one local day.</summary>
public static class ManifestApi
{
    public static RouteHandlerBuilder MapManifestApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/sites/{siteId}/manifest", GetAsync).WithTags("Couriers").RequireAuthorization()
            .WithSummary("Today's (or ?date=YYYY-MM-DD) drop-offs and collections of yours at a site, in the site's time zone.");

    private static async Task<IResult> GetAsync(string siteId, ClaimsPrincipal user, ManifestService manifests, CancellationToken cancellationToken,
        string? date = null)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["date must be a day YYYY-MM-DD (the site's local date)."] },
                    title: "The query is invalid");
            }

            day = parsed;
        }

        return await manifests.BuildAsync(user.ClientId(), siteId, day, cancellationToken) is { } manifest
            ? TypedResults.Ok(manifest)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Site not found", detail: $"There is no site '{siteId}'.");
    }
}

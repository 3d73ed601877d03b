using System.Security.Claims;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Couriers;

/// <summary>Body of POST /api/v1/couriers.</summary>
public sealed record CreateCourierRequest(string? Name);

/// <summary>A courier as its carrier sees it: never the badge or PIN after the first answer.</summary>
public sealed record CourierResponse(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static CourierResponse From(Courier c) => new(c.Id, c.Name, c.CreatedAt, c.RevokedAt);
}

/// <summary>Answer to issuing a courier: the badge token, its QR image (SVG, to print) and the PIN, shown this once.</summary>
public sealed record IssuedCourierResponse(CourierResponse Courier, string BadgeToken, string BadgeSvg, string Pin);

/// <summary>/api/v1/couriers: a carrier issues, lists and revokes its couriers.</summary>
public static class CouriersApi
{
    public static RouteGroupBuilder MapCouriersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/couriers").WithTags("Couriers").RequireAuthorization();
        group.MapPost("/", CreateAsync).Accepts<CreateCourierRequest>("application/json")
            .WithSummary("Issue a courier: a badge (QR) and a PIN that open a round at your sites' lockers, shown once.");
        group.MapGet("/", ListAsync).WithSummary("Your couriers.");
        group.MapPost("/{id}/revoke", RevokeAsync).WithSummary("Revoke a courier: the badge and PIN stop working at once.");
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CourierService couriers)
    {
        CreateCourierRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateCourierRequest>(request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Invalid("body", $"The body is not valid JSON: {ex.Message}");
        }

        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            return Invalid("name", "name is required: 1-100 characters, no control characters (the courier's name, for the audit trail).");
        }

        var issued = await couriers.IssueAsync(user.ClientId(), name, request.HttpContext.RequestAborted);
        return TypedResults.Created($"/api/v1/couriers/{issued.Courier.Id}",
            new IssuedCourierResponse(CourierResponse.From(issued.Courier), issued.BadgeToken, QrImage.Svg(issued.BadgeToken), issued.Pin));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, CourierService couriers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await couriers.ListAsync(user.ClientId(), cancellationToken)).Select(CourierResponse.From).ToList());

    private static async Task<IResult> RevokeAsync(string id, ClaimsPrincipal user, CourierService couriers, CancellationToken cancellationToken) =>
        await couriers.RevokeAsync(user.ClientId(), id, cancellationToken) switch
        {
            CourierRevokeOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Courier not found",
                detail: $"You have no courier '{id}'."),
            CourierRevokeOutcome.AlreadyRevoked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already revoked",
                detail: $"Courier '{id}' was revoked before."),
            _ => TypedResults.NoContent(),
        };

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid");
}

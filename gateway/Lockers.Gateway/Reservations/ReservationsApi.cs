using System.Security.Claims;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations;

/// <summary>The carriers' and shops' REST API: /api/v1/reservations. Each client sees only its own reservations.</summary>
public static class ReservationsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapReservationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reservations").WithTags("Reservations").RequireAuthorization();

        group.MapPost("/", CreateAsync)
            .Accepts<CreateReservationRequest>("application/json")
            .Produces<BookedReservationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Book a compartment; the answer carries the courier's drop-off code, shown once.");
        group.MapGet("/", ListAsync).WithSummary("List your reservations, oldest first, a page at a time.");
        group.MapGet("/{id}", GetAsync).WithSummary("Read one reservation.");
        group.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a booking whose parcel is not yet deposited.");
        group.MapPost("/{id}/extend", ExtendAsync)
            .Accepts<ExtendReservationRequest>("application/json")
            .WithSummary("Extend the pickup window, within Reservations:MaxPickupWindowHours.");
        group.MapPost("/{id}/access-link", ReissueAsync)
            .WithSummary("A new recipient link (and PIN once deposited) for a recipient who lost the message; the old ones stop working.");
        return group;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, ReservationService reservations, IOptions<ReservationsOptions> options,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            return Invalid(IdempotencyKeyHeader, "Idempotency-Key must be 1-255 visible ASCII characters (a UUID is a good choice).");
        }
        var body = await JsonBody.ReadAsync<CreateReservationRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }
        var errors = BookingRequestValidator.Validate(body.Value!, options.Value, out var booking);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The booking is invalid");
        }

        var outcome = await reservations.BookAsync(user.ClientId(), booking!, idempotencyKey, request.HttpContext.RequestAborted);
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                if (booked.Replayed)
                {
                    request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                }
                return TypedResults.Created($"/api/v1/reservations/{booked.Response.Reservation.Id}", booked.Response);
            case BookingOutcome.UnknownSite unknown:
                return Invalid("siteId", $"There is no site '{unknown.SiteId}'.");
            case BookingOutcome.NoCapacity full:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No free compartment",
                    detail: $"Site '{full.SiteId}' has no free compartment of size {full.Size} or larger" +
                            (booking!.Accessible ? " that is accessible." : ".") +
                            (full.Alternatives.Count > 0 ? $" The nearest sites that have one are under 'alternatives'." : ""),
                    type: "https://lockers.dev/problems/no-capacity",
                    extensions: new Dictionary<string, object?>
                    {
                        ["alternatives"] = full.Alternatives.Select(a => new
                        {
                            siteId = a.Site.Id, name = a.Site.Name, address = a.Site.Address, distanceKm = a.DistanceKm,
                        }).ToList(),
                    });
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used with a different request body. Use a new key for a new booking.",
                    type: "https://lockers.dev/problems/idempotency-key-reused");
        }
    }

    private static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, ReservationService reservations, CancellationToken cancellationToken) =>
        await reservations.GetAsync(user.ClientId(), id, cancellationToken) is { } reservation
            ? TypedResults.Ok(ReservationResponse.From(reservation))
            : NotFound(id);

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, ReservationService reservations, IOptions<ReservationsOptions> options, CancellationToken cancellationToken,
        string? status = null, string? cursor = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        ReservationStatus? statusFilter = null;
        if (status is not null)
        {
            if (ReservationStatuses.TryParse(status, out var parsed)) statusFilter = parsed;
            else errors["status"] = [$"status must be one of {string.Join(", ", ReservationStatuses.AllNames)}."];
        }
        ReservationCursor? after = null;
        if (cursor is not null && !ReservationCursorCodec.TryDecode(cursor, out after))
        {
            errors["cursor"] = ["cursor is not one this API returned; pass nextCursor back unchanged."];
        }
        var max = options.Value.MaxPageSize;
        var pageSize = 20;
        if (limit is not null && (!int.TryParse(limit, out pageSize) || pageSize < 1 || pageSize > max))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {max}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is invalid");
        }
        return TypedResults.Ok(await reservations.ListAsync(user.ClientId(), statusFilter, after, pageSize, cancellationToken));
    }

    private static async Task<IResult> CancelAsync(string id, ClaimsPrincipal user, ReservationService reservations, CancellationToken cancellationToken) =>
        ToResult(id, await reservations.CancelAsync(user.ClientId(), id, cancellationToken));

    private static async Task<IResult> ExtendAsync(string id, HttpRequest request, ClaimsPrincipal user, ReservationService reservations)
    {
        var body = await JsonBody.ReadAsync<ExtendReservationRequest>(request);
        if (body.Error is not null)
        {
            return body.Error;
        }
        if (body.Value!.Hours is not ({ } hours and >= PickupWindow.MinHours and <= PickupWindow.MaxHours))
        {
            return Invalid("hours", $"hours is required: a whole number of hours from {PickupWindow.MinHours} to {PickupWindow.MaxHours} to add to the pickup window.");
        }
        return ToResult(id, await reservations.ExtendAsync(user.ClientId(), id, hours, request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> ReissueAsync(string id, ClaimsPrincipal user, ReservationService reservations, CancellationToken cancellationToken) =>
        await reservations.ReissueAccessAsync(user.ClientId(), id, cancellationToken) switch
        {
            ReissueOutcome.Reissued reissued => TypedResults.Ok(reissued.Response),
            ReissueOutcome.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Not possible in the reservation's current state", detail: refused.Reason),
            _ => NotFound(id),
        };

    private static IResult ToResult(string id, ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.Changed changed => TypedResults.Ok(ReservationResponse.From(changed.Reservation)),
        ChangeOutcome.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Not possible in the reservation's current state", detail: refused.Reason),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Reservation not found", detail: $"You have no reservation '{id}'.");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid");
}

using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Clients;

/// <summary>Body of PUT /api/v1/recipient-policy; a value left out (or null) returns to the gateway's default.</summary>
public sealed record RecipientPolicyRequest(int? ExtensionHours, bool? RedirectBeforeDeposit, bool? RedirectAfterDeposit);

/// <summary>/api/v1/recipient-policy: what a carrier lets its recipients do on the parcel page.</summary>
public static class RecipientPolicyApi
{
    public static RouteGroupBuilder MapRecipientPolicyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/recipient-policy").WithTags("Recipient policy").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("Your recipient policy (extension hours, redirects), defaults filled in.");
        group.MapPut("/", PutAsync).Accepts<RecipientPolicyRequest>("application/json")
            .WithSummary("Set your recipient policy; a value left out returns to the default.");
        return group;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, ApiClientService clients, IOptions<RecipientPolicyOptions> defaults,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await clients.GetPolicyAsync(user.ClientId(), defaults.Value, cancellationToken));

    private static async Task<IResult> PutAsync(HttpRequest request, ClaimsPrincipal user, ApiClientService clients,
        IOptions<RecipientPolicyOptions> defaults)
    {
        RecipientPolicyRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<RecipientPolicyRequest>(request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {ex.Message}"] });
        }

        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] });
        }

        if (body.ExtensionHours is < 0 or > 720)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["extensionHours"] = ["extensionHours must be a whole number of hours from 0 (no extension) to 720."],
            }, title: "The policy is invalid");
        }

        await clients.SetPolicyAsync(user.ClientId(), body.ExtensionHours, body.RedirectBeforeDeposit, body.RedirectAfterDeposit,
            request.HttpContext.RequestAborted);
        return TypedResults.Ok(await clients.GetPolicyAsync(user.ClientId(), defaults.Value, request.HttpContext.RequestAborted));
    }
}

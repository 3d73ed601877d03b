using Microsoft.AspNetCore.Antiforgery;

namespace Lockers.Gateway.Staff;

/// <summary>
/// Refuses a state-changing request unless it carries the anti-forgery token (header X-CSRF-TOKEN) that matches
/// the anti-forgery cookie and the signed-in user. Applied to every dashboard POST.
/// </summary>
public sealed class AntiforgeryValidationFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            // Anonymous-allowed endpoints (sign-in, sign-out) still bind the token to the staff cookie when present.
            await StaffApi.UseStaffIdentityAsync(context.HttpContext);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid anti-forgery token",
                detail: "Reload the page and try again.");
        }
        return await next(context);
    }
}

public static class AntiforgeryValidationFilterExtensions
{
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AntiforgeryValidationFilter>();
}

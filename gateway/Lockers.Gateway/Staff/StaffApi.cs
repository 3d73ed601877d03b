using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Lockers.Gateway.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lockers.Gateway.Staff;

/// <summary>Sign-in, sign-out and the current session (user, role, anti-forgery token) for the dashboard pages.</summary>
public static class StaffApi
{
    public sealed record SignInRequest(string? User, string? Password);

    /// <summary><see cref="Language"/>: the language the pages show (en, ja, zh), as the gateway chose it for this browser.</summary>
    public sealed record SessionResponse(bool SignedIn, string? User, string? Role, string CsrfToken, string Language);

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api").ExcludeFromDescription();
        group.MapGet("/session", GetSessionAsync);
        group.MapPost("/sign-in", SignInAsync).RequireAntiforgeryToken();
        group.MapPost("/sign-out", (Func<HttpContext, Task<NoContent>>)SignOutAsync).RequireAntiforgeryToken();
        return app;
    }

    /// <summary>
    /// Anonymous too: the sign-in page needs a token before anyone is signed in. It also says the dashboard's language:
    /// <c>?lang=ja</c> (the pages' switch) chooses one and remembers it in a cookie (<see cref="LanguageChoice"/>).
    /// </summary>
    private static async Task<Ok<SessionResponse>> GetSessionAsync(HttpContext context, IAntiforgery antiforgery)
    {
        await UseStaffIdentityAsync(context);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        return TypedResults.Ok(new SessionResponse(signedIn, signedIn ? user.UserName() : null,
            signedIn ? user.Role().ToWire() : null, tokens.RequestToken!, DashboardTexts.For(context).Language));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, StaffService staff, SignInThrottle throttle, IAntiforgery antiforgery,
        ILogger<SignInThrottle> logger)
    {
        var userName = request.User ?? "";
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RetryAfter(userName, client) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            logger.LogWarning("Sign-in for {User} from {Client} held back for {Seconds} s after repeated failures",
                userName.Length > 64 ? userName[..64] : userName, client, seconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The page shows the title: say how long to wait there.
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: DashboardTexts.For(context).Text("SignIn.TooMany", seconds));
        }

        if (string.IsNullOrEmpty(request.User) || string.IsNullOrEmpty(request.Password)
            || await staff.VerifyAsync(request.User, request.Password, context.RequestAborted) is not { } account)
        {
            throttle.Failed(userName, client);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: DashboardTexts.For(context)["SignIn.Wrong"]);
        }

        throttle.Succeeded(userName);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role.ToWire())],
            StaffPolicies.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        await context.SignInAsync(StaffPolicies.Scheme, principal);
        // The token is bound to the identity: hand out the signed-in one.
        context.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SessionResponse(true, account.UserName, account.Role.ToWire(), tokens.RequestToken!,
            DashboardTexts.For(context).Language));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(StaffPolicies.Scheme);
        return TypedResults.NoContent();
    }

    /// <summary>The staff cookie is not the default scheme (API keys are), so anonymous-allowed endpoints read it explicitly.</summary>
    internal static async Task UseStaffIdentityAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(StaffPolicies.Scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
        }
    }
}

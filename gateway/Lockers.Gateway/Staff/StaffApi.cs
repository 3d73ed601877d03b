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

    public sealed record PasswordRequest(string? Current, string? New);

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api").ExcludeFromDescription();
        group.MapGet("/session", GetSessionAsync);
        group.MapPost("/sign-in", SignInAsync).RequireAntiforgeryToken();
        group.MapPost("/sign-out", (Func<HttpContext, StaffService, Task<NoContent>>)SignOutAsync).RequireAntiforgeryToken();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization(StaffPolicies.Viewer).RequireAntiforgeryToken();
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
        return TypedResults.Ok(await StartSessionAsync(context, account, antiforgery));
    }

    /// <summary>A new server-side session for <paramref name="account"/> (ADR 0302) and an anti-forgery token bound to it.</summary>
    private static async Task<SessionResponse> StartSessionAsync(HttpContext context, StaffAccount account, IAntiforgery antiforgery)
    {
        // The name identifier is what anti-forgery tokens are bound to; the role and the session claim may change under it.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.UserName), new Claim(ClaimTypes.Name, account.UserName),
             new Claim(ClaimTypes.Role, account.Role.ToWire())],
            StaffPolicies.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        await context.SignInAsync(StaffPolicies.Scheme, principal);
        // The token is bound to the identity: hand out the signed-in one.
        context.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new SessionResponse(true, account.UserName, account.Role.ToWire(), tokens.RequestToken!, DashboardTexts.For(context).Language);
    }

    /// <summary>Ends the session in the store, not only in this browser: a copy of the cookie stops working too.</summary>
    private static async Task<NoContent> SignOutAsync(HttpContext context, StaffService staff)
    {
        await UseStaffIdentityAsync(context);
        await context.SignOutAsync(StaffPolicies.Scheme);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await staff.SignedOutAsync(context.User.UserName(), context.RequestAborted);
        }
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The signed-in user changes their password: every session of the account ends, this one too (other browsers, copied
    /// cookies, and a stolen session that changed the password): the user signs in again with the new password.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordRequest request, HttpContext context, StaffService staff)
    {
        var user = context.User.UserName();
        if (string.IsNullOrEmpty(request.New) || request.New.Length < StaffService.MinimumPasswordLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"The new password must have at least {StaffService.MinimumPasswordLength} characters");
        }
        if (!await staff.ChangePasswordAsync(user, request.Current ?? "", request.New, context.RequestAborted))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The current password is wrong");
        }
        await context.SignOutAsync(StaffPolicies.Scheme); // the session is gone already; this also clears the cookie
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

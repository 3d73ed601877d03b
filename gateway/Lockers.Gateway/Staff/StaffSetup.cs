using Lockers.Gateway.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Staff;

public static class StaffSetup
{
    public const string CookieName = "lockers_staff";
    public const string AntiforgeryCookieName = "lockers_csrf";
    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";

    /// <summary>
    /// Staff sign-in: an HTTP-only, SameSite=Strict cookie holding only the key of a session kept in the store (ADR 0302), role
    /// policies, and anti-forgery tokens that every state-changing dashboard request must carry in <see cref="AntiforgeryHeaderName"/>.
    /// </summary>
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGatewayOptions<StaffOptions, StaffOptionsValidator>();
        services.AddSingleton(sp => new StaffPasswordHasher(sp.GetRequiredService<IOptions<StaffOptions>>().Value.PasswordIterations));
        services.AddSingleton<StaffService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffSessionStore>();

        services.AddAuthentication().AddCookie(StaffPolicies.Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.LoginPath = "/dashboard/sign-in.html";
            // API calls get status codes, not redirects; pages send the browser to sign-in themselves.
            options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Viewer, Policy(StaffRole.Viewer))
            .AddPolicy(StaffPolicies.Maintenance, Policy(StaffRole.Maintenance))
            .AddPolicy(StaffPolicies.Admin, Policy(StaffRole.Admin));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeaderName;
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Session length and cookie security from the validated Staff section (not read from configuration a second way);
        // sessions kept in the store, so they can be revoked (ADR 0302).
        services.AddOptions<CookieAuthenticationOptions>(StaffPolicies.Scheme).Configure<IOptions<StaffOptions>, StaffSessionStore>((cookie, staff, sessions) =>
        {
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(staff.Value.SessionMinutes);
            cookie.Cookie.SecurePolicy = SecurePolicy(staff.Value);
            cookie.SessionStore = sessions;
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<StaffOptions>>((antiforgery, staff) =>
            antiforgery.Cookie.SecurePolicy = SecurePolicy(staff.Value));
        return builder;
    }

    private static CookieSecurePolicy SecurePolicy(StaffOptions staff) =>
        staff.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(StaffRole minimum) => policy => policy
        .AddAuthenticationSchemes(StaffPolicies.Scheme)
        .RequireAuthenticatedUser()
        .RequireRole(StaffRoles.AtLeast(minimum));

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

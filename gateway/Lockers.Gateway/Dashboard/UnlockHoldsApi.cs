using Lockers.Gateway.Localization;
using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Unlock holds (ADR 0303): any staff member may see them; maintenance may hold a site or the whole fleet; releasing a hold
/// (whoever set it) is an admin's decision that the site is safe again. Every change needs the anti-forgery token and a reason.
/// </summary>
public static class UnlockHoldsApi
{
    /// <param name="SiteId">The site to hold; null or absent holds the whole fleet.</param>
    public sealed record HoldRequest(string? SiteId, string? Reason);

    /// <param name="Scope">"fleet" or "site:&lt;id&gt;", as listed.</param>
    public sealed record ReleaseRequest(string? Scope, string? Reason);

    public static IEndpointRouteBuilder MapUnlockHoldsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api/holds").ExcludeFromDescription();
        group.MapGet("/", async (HttpContext context, UnlockHoldService holds, CancellationToken cancellationToken) =>
        {
            var texts = DashboardTexts.For(context);
            return TypedResults.Ok((await holds.ListAsync(cancellationToken)).Select(hold => HoldView.From(hold, texts)).ToList());
        })
            .RequireAuthorization(StaffPolicies.Viewer);
        group.MapPost("/", async (HoldRequest request, HttpContext context, UnlockHoldService holds) =>
            Answer(await holds.HoldAsync(string.IsNullOrEmpty(request.SiteId) ? null : request.SiteId, request.Reason ?? "",
                context.User.UserName(), context.RequestAborted, DashboardTexts.For(context))))
            .RequireAuthorization(StaffPolicies.Maintenance).RequireAntiforgeryToken();
        group.MapPost("/release", async (ReleaseRequest request, HttpContext context, UnlockHoldService holds) =>
            Answer(await holds.ReleaseAsync(request.Scope ?? "", request.Reason ?? "", context.User.UserName(), context.RequestAborted,
                DashboardTexts.For(context))))
            .RequireAuthorization(StaffPolicies.Admin).RequireAntiforgeryToken();
        return app;
    }

    private static IResult Answer(MaintenanceOutcome outcome) => outcome.Done
        ? TypedResults.Ok(outcome.Data)
        : TypedResults.Problem(statusCode: outcome.Status, title: outcome.Problem);
}

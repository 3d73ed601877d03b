using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// What maintenance staff change from the dashboard. Every endpoint needs the maintenance role and a valid
/// anti-forgery token; every change is audited under the staff member's name.
/// </summary>
public static class DashboardActionsApi
{
    public sealed record OpenRequest(string? Reason);

    public sealed record ServiceRequest(bool InService);

    public sealed record MoveRequest(string? ToLocker, int ToCompartment);

    public static IEndpointRouteBuilder MapDashboardActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api")
            .RequireAuthorization(StaffPolicies.Maintenance)
            .RequireAntiforgeryToken()
            .ExcludeFromDescription();
        group.MapPost("/alarms/{alarmId:long}/acknowledge", AcknowledgeAsync);
        group.MapPost("/lockers/{lockerId}/compartments/{number:int}/open", OpenAsync);
        group.MapPost("/lockers/{lockerId}/compartments/{number:int}/service", SetCompartmentServiceAsync);
        group.MapPost("/lockers/{lockerId}/service", SetLockerServiceAsync);
        group.MapPost("/lockers/{lockerId}/compartments/{number:int}/move", MoveAsync);
        group.MapPost("/lockers/{lockerId}/compartments/{number:int}/move/open-again", OpenAgainAsync);
        group.MapPost("/lockers/{lockerId}/compartments/{number:int}/move/cancel", CancelMoveAsync);
        return app;
    }

    private static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> AcknowledgeAsync(
        long alarmId, HttpContext context, AlarmLifecycle alarms)
    {
        var alarm = await alarms.AcknowledgeAsync(alarmId, context.User.UserName(), context.RequestAborted);
        var texts = DashboardTexts.For(context);
        return alarm is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: texts["Problem.NoAlarm"])
            : TypedResults.Ok(DashboardApi.Alarm(alarm, texts));
    }

    private static async Task<IResult> OpenAsync(string lockerId, int number, OpenRequest request, HttpContext context, RemoteOpenService doors) =>
        Answer(await doors.OpenAsync(new CompartmentRef(lockerId, number), request.Reason ?? "", context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static async Task<IResult> SetCompartmentServiceAsync(
        string lockerId, int number, ServiceRequest request, HttpContext context, ServiceStateService service) =>
        Answer(await service.SetCompartmentAsync(new CompartmentRef(lockerId, number), request.InService, context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static async Task<IResult> SetLockerServiceAsync(string lockerId, ServiceRequest request, HttpContext context, ServiceStateService service) =>
        Answer(await service.SetLockerAsync(lockerId, request.InService, context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static async Task<IResult> MoveAsync(string lockerId, int number, MoveRequest request, HttpContext context, ParcelMoveService parcels) =>
        Answer(await parcels.StartAsync(new CompartmentRef(lockerId, number), new CompartmentRef(request.ToLocker ?? lockerId, request.ToCompartment),
            context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static async Task<IResult> OpenAgainAsync(string lockerId, int number, HttpContext context, ParcelMoveService parcels) =>
        Answer(await parcels.OpenAgainAsync(new CompartmentRef(lockerId, number), context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static async Task<IResult> CancelMoveAsync(string lockerId, int number, HttpContext context, ParcelMoveService parcels) =>
        Answer(await parcels.CancelAsync(new CompartmentRef(lockerId, number), context.User.UserName(), context.RequestAborted, DashboardTexts.For(context)));

    private static IResult Answer(MaintenanceOutcome outcome) => outcome switch
    {
        { Done: true, Status: StatusCodes.Status202Accepted } => TypedResults.Accepted(outcome.Location, outcome.Data),
        { Done: true } => TypedResults.Ok(outcome.Data),
        _ => TypedResults.Problem(statusCode: outcome.Status, title: outcome.Problem),
    };
}

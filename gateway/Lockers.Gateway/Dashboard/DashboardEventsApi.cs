using System.Net.ServerSentEvents;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// GET /dashboard/api/events: server-sent events with every live change (door, telemetry, status, alarm,
/// command, service, parcel), optionally only one locker's. Pages redraw from them without reloading.
/// </summary>
public static class DashboardEventsApi
{
    public static IEndpointRouteBuilder MapDashboardEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/api/events", Stream).RequireAuthorization(StaffPolicies.Viewer).ExcludeFromDescription();
        return app;
    }

    /// <summary>How often an open stream checks that its session still stands (ADR 0302).</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromSeconds(5);

    private static IResult Stream(
        string? locker, HttpContext context, LiveFeed live, StaffSessionStore sessions, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        // Ends with the browser, with the gateway, or with the session (signed out or revoked), whichever goes first, so
        // shutdown never waits on a tab and a revoked session stops seeing the fleet.
        var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        _ = sessions.EndWhenGoneAsync(context.User, ended, SessionCheckInterval);
        var subscription = live.Subscribe();
        context.Response.RegisterForDispose(subscription);
        context.Response.RegisterForDispose(ended);
        var hello = new LiveUpdate("hello", locker, new { }, time.GetStoreNow());
        return TypedResults.ServerSentEvents(Filter(hello, subscription.ReadAllAsync(ended.Token), locker));
    }

    /// <summary>Starts with "hello" so the page knows it is subscribed (the subscription exists before it is sent).</summary>
    private static async IAsyncEnumerable<SseItem<LiveUpdate>> Filter(LiveUpdate hello, IAsyncEnumerable<LiveUpdate> updates, string? locker)
    {
        yield return new SseItem<LiveUpdate>(hello, hello.Topic);
        await using var reader = updates.GetAsyncEnumerator();
        while (await NextAsync(reader))
        {
            var update = reader.Current;
            // Alarm changes of other lockers still go to a locker page: its header shows the fleet's open alarms.
            if (locker is null || update.LockerId == locker || update.Topic == "alarm")
            {
                yield return new SseItem<LiveUpdate>(update, update.Topic);
            }
        }
    }

    /// <summary>False at the end, including when the gateway stops or the browser leaves (not an error).</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<LiveUpdate> reader)
    {
        try
        {
            return await reader.MoveNextAsync();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

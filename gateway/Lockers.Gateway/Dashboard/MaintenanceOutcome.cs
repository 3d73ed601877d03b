namespace Lockers.Gateway.Dashboard;

/// <summary>What a maintenance action did; <see cref="Problem"/> explains a refusal in words for the page.</summary>
public sealed record MaintenanceOutcome(bool Done, string? Problem = null, int Status = StatusCodes.Status200OK, object? Data = null)
{
    /// <summary>Where to follow an accepted action (a command's status).</summary>
    public string? Location { get; init; }

    public static MaintenanceOutcome Ok(object? data = null) => new(true, Data: data);

    /// <summary>Started, not finished: <paramref name="location"/> tells how it ends (202 Accepted).</summary>
    public static MaintenanceOutcome Accepted(string location, object data) =>
        new(true, Status: StatusCodes.Status202Accepted, Data: data) { Location = location };

    public static MaintenanceOutcome NotFound(string problem) => new(false, problem, StatusCodes.Status404NotFound);

    public static MaintenanceOutcome Conflict(string problem) => new(false, problem, StatusCodes.Status409Conflict);

    public static MaintenanceOutcome Unavailable(string problem) => new(false, problem, StatusCodes.Status503ServiceUnavailable);
}

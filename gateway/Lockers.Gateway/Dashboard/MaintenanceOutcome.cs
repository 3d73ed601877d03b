namespace Lockers.Gateway.Dashboard;

/// <summary>What a maintenance action did; <see cref="Problem"/> explains a refusal in words for the page.</summary>
public sealed record MaintenanceOutcome(bool Done, string? Problem = null, int Status = StatusCodes.Status200OK, object? Data = null)
{
    public static MaintenanceOutcome Ok(object? data = null) => new(true, Data: data);

    public static MaintenanceOutcome NotFound(string problem) => new(false, problem, StatusCodes.Status404NotFound);

    public static MaintenanceOutcome Conflict(string problem) => new(false, problem, StatusCodes.Status409Conflict);

    public static MaintenanceOutcome Unavailable(string problem) => new(false, problem, StatusCodes.Status503ServiceUnavailable);
}

using System.Text.Json;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so malformed JSON or a wrong type gets
/// a validation problem naming the place, instead of a bare 400.
/// </summary>
public static class JsonBody
{
    public sealed record Result<T>(T? Value, IResult? Error);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the body as JSON with 'Content-Type: application/json'."));
        }
        try
        {
            var value = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return value is null ? new(null, Invalid("$", "The body must be a JSON object, not null.")) : new(value, null);
        }
        catch (JsonException ex)
        {
            var place = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return new(null, Invalid(place, $"The body is not valid JSON for this request at {place}" +
                (ex.LineNumber is { } line ? $" (line {line + 1})." : ".")));
        }
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request body is invalid");
}

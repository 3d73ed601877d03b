using Microsoft.AspNetCore.Diagnostics;

namespace Lockers.Gateway.Store;

/// <summary>
/// A request that meets an unavailable store (read-only, full, unreachable: <see cref="ILockerStore.IsUnavailable"/>)
/// gets 503 with a problem document and Retry-After, not a bare 500: nothing was written, the client may try again, and
/// /health says why (ADR 0208). Any other exception is left to the default handler.
/// </summary>
public sealed class StoreUnavailableHandler(ILockerStore store, IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (IsAboutTheRequest(exception) || !store.IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} refused with 503: the store is unavailable ({Error})",
            http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is unavailable",
                Detail = $"Nothing was changed. The gateway's database cannot take writes right now; try again in {RetryAfterSeconds} s. "
                         + "/health names the reason.",
            },
        });
    }

    /// <summary>
    /// A failure of the request itself (a body over the limit: 413, an unreadable body: 400, the client gone), which
    /// Kestrel reports as an IOException too: it keeps its own status and is never put down to the store.
    /// </summary>
    private static bool IsAboutTheRequest(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException or Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The door of /metrics on the public port (ADR 0112): a scrape needs <c>Authorization: Bearer &lt;token&gt;</c> with the
/// configured scrape token, compared in fixed time; anything else is a 401 problem document saying how to configure it.
/// The management port (<see cref="MetricsManagementServer"/>) does not pass here.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly byte[]? _token = options.Value.ReadToken() is { } token ? Encoding.UTF8.GetBytes(token) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_token is not null && Presented(context) is { } presented
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(_token)))
        {
            await next(context);
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A scrape token is required",
            detail: _token is null
                ? "/metrics is not served anonymously on this port: set Metrics:ScrapeTokenFile and scrape with 'Authorization: Bearer <token>', or Metrics:ManagementPort."
                : "Scrape with 'Authorization: Bearer <token>' (Metrics:ScrapeTokenFile).").ExecuteAsync(context);
    }

    private static byte[]? Presented(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()) : null;
    }
}

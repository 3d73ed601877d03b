using System.Text.Json.Serialization;
using Lockers.Gateway.Settings;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Web;

/// <summary>
/// The HTTP rules every endpoint shares (ADR 0111): every error is a problem document (RFC 9457), whoever produces it
/// (an endpoint, the framework's 404 and 405, a body over the limit, an exception, Kestrel's own refusals of a malformed
/// request line); request bodies are capped; JSON numbers are numbers ("72" is not an integer).
/// </summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddHttpRules(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGatewayOptions<HttpOptions, HttpOptionsValidator>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A request the server could not take (body too large, unreadable): say what, never a stack trace.
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Detail = bad.Message;
            }
        });
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpOptions>>((kestrel, http) =>
        {
            kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => KestrelRejections.RewriteAsync(connection, next)));
        });
        return builder;
    }

    /// <summary>First in the pipeline: exceptions and empty error responses become problem documents.</summary>
    public static WebApplication UseHttpRules(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A bad request (413 body too large, 400 unreadable body) keeps its status instead of becoming a 500.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}

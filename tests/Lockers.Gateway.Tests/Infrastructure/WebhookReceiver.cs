using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port that records every webhook POSTed to /hook.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Delivery(string Body, string? Signature, string? EventType);

    private readonly WebApplication _app;
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();
    private int _failuresLeft;

    private WebhookReceiver(int failFirst)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            await _deliveries.Writer.WriteAsync(new Delivery(body, request.Headers["Lockers-Signature"], request.Headers["Lockers-Event"]));
            return Results.Ok();
        });
    }

    public string Url { get; private set; } = "";

    /// <param name="failFirst">Answer 503 to this many requests before accepting.</param>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver(failFirst);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>The next delivery, or a failed test after <paramref name="timeout"/>.</summary>
    public async Task<Delivery> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await _deliveries.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no webhook arrived in time");
        }
    }

    /// <summary>Waits for deliveries until one of <paramref name="eventType"/> arrives.</summary>
    public async Task<Delivery> NextOfTypeAsync(string eventType)
    {
        while (true)
        {
            var delivery = await NextAsync();
            if (delivery.EventType == eventType)
            {
                return delivery;
            }
        }
    }

    public bool TryTake(out Delivery? delivery) => _deliveries.Reader.TryRead(out delivery);

    /// <summary>Every delivery as it arrives, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public IAsyncEnumerable<Delivery> ReadAllAsync(CancellationToken cancellationToken) => _deliveries.Reader.ReadAllAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

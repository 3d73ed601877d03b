using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.CommandLine;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Health;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Recipients;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;
using Lockers.Gateway.Throttle;
using Lockers.Gateway.Web;
using Lockers.Gateway.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Subcommands (apikey, site, locker, staff) share the server's configuration and services but never start it.
var isCommand = GatewayCommandLine.IsCommand(args);
// The dashboard's pages are served from the build output (wwwroot is copied there), wherever the process was started:
// ./lockers demo runs the gateway from bin/Release, a service from its published folder (ADR 0304).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCommand ? [] : args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.Services.TryAddSingleton(TimeProvider.System);
builder.AddStore();
builder.AddCodes();
builder.AddRegistry();
builder.AddApiClients();
builder.AddCouriers();
builder.AddReservations();
builder.AddRecipients();
builder.AddThrottle();
builder.AddUnlockGuard();
builder.AddWebhooks();
builder.AddExpiry();
builder.AddLockerLink();
builder.AddProvisioning();
builder.AddGatewayHealth();
builder.AddMonitoring();
builder.AddDashboard();
builder.AddHttpRules();
builder.Services.AddOpenApi();

var app = builder.Build();

if (isCommand)
{
    return await GatewayCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseHttpRules();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthApi();
app.MapReservationsApi();
app.MapRecipientPolicyApi();
app.MapCouriersApi();
app.MapManifestApi();
app.MapRecipientPages();
app.MapTextsApi(app.Services.GetRequiredService<RecipientPageRenderer>().Texts, DashboardTexts.Resources);
app.MapDashboard();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;

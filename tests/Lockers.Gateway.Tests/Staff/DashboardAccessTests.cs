using System.Net;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Monitoring;

namespace Lockers.Gateway.Tests.Staff;

/// <summary>Sign-in, cookies, roles and anti-forgery on the dashboard API.</summary>
public sealed class DashboardAccessTests
{
    private const string OpenDoor = "/dashboard/api/lockers/test-a/compartments/3/open";

    [Fact]
    public async Task SignIn_RightPassword_SetsSecureHttpOnlyStrictCookie()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var client = new StaffClient(gateway.CreateClient());

        using var response = await client.SignInAsync("alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffSetup.CookieName + "="));
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=strict", cookie);
        var session = await client.SessionAsync();
        Assert.Equal((true, "alice", "maintenance"), (session.SignedIn, session.User, session.Role));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_IsRefusedAlikeAndAudited()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Admin);
        var client = new StaffClient(gateway.CreateClient());

        using var wrong = await client.SignInAsync("alice", "not the password at all");
        using var unknown = await client.SignInAsync("mallory");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unknown.StatusCode));
        var (wrongBody, unknownBody) = (await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Wrong user name or password", wrongBody);
        Assert.Equal(wrongBody[..wrongBody.IndexOf("traceId")], unknownBody[..unknownBody.IndexOf("traceId")]);
        var audit = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(20));
        Assert.Equal(2, audit.Count(entry => entry.Action == AuditActions.StaffSignInFailed));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Admin);
        var client = new StaffClient(gateway.CreateClient());

        using var response = await client.PostAsync("/dashboard/api/sign-in", new { user = "alice", password = StaffClient.Password }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Fleet_WithoutSignIn_Is401NotARedirect()
    {
        await using var gateway = await MonitoringGateway.StartAsync();

        using var response = await gateway.CreateClient().GetAsync("/dashboard/api/fleet");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenDoor_AsViewer_IsForbiddenAndSendsNothing()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("victor", StaffRole.Viewer);
        var viewer = await StaffClient.SignedInAsync(gateway, "victor");

        using var response = await viewer.PostAsync(OpenDoor, new { reason = "just looking" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(gateway.Commands.Sent);
        Assert.Equal(HttpStatusCode.OK, (await viewer.Http.GetAsync("/dashboard/api/lockers/test-a")).StatusCode);
    }

    [Fact]
    public async Task OpenDoor_WithoutAntiforgeryToken_IsRefusedAndSendsNothing()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var alice = await StaffClient.SignedInAsync(gateway, "alice");

        using var response = await alice.PostAsync(OpenDoor, new { reason = "parcel stuck" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(gateway.Commands.Sent);
    }

    [Fact]
    public async Task OpenDoor_AsMaintenanceWithReason_SendsUnlockAndAuditsTheReason()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var alice = await StaffClient.SignedInAsync(gateway, "alice");

        using var response = await alice.PostAsync(OpenDoor, new { reason = "parcel stuck behind the door" });

        // Accepted, not done: the command is pending until the locker answers or its expiry passes.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/dashboard/api/lockers/test-a/commands/c-1", response.Headers.Location?.OriginalString);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("c-1", "sent"), (body.GetProperty("commandId").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(("unlock", "test-a", 3), Assert.Single(gateway.Commands.Sent) is var c ? (c.Action, c.LockerId, c.Compartment) : default);
        var audit = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAuditAsync("test-a", 10));
        var entry = Assert.Single(audit, e => e.Action == AuditActions.RemoteOpen);
        Assert.Equal(("staff:alice", 3, "reason: parcel stuck behind the door"), (entry.Actor, entry.Compartment, entry.Detail));
    }

    [Fact]
    public async Task OpenDoor_WithoutReason_IsRefused()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var alice = await StaffClient.SignedInAsync(gateway, "alice");

        using var response = await alice.PostAsync(OpenDoor, new { reason = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(gateway.Commands.Sent);
    }

    [Fact]
    public async Task CompartmentOutOfService_AsMaintenance_UpdatesRegistryAndTellsTheLocker()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var alice = await StaffClient.SignedInAsync(gateway, "alice");

        using var response = await alice.PostAsync("/dashboard/api/lockers/test-a/compartments/2/service", new { inService = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var compartment = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.GetCompartmentAsync(new("test-a", 2)));
        Assert.False(compartment!.InService);
        Assert.Equal(("out_of_service", 2, true), Assert.Single(gateway.Commands.Sent) is var c ? (c.Action, c.Compartment, c.On) : default);
    }

    [Fact]
    public async Task LockerOutOfService_AsMaintenance_TakesEveryCompartmentOutAndBack()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var alice = await StaffClient.SignedInAsync(gateway, "alice");
        var store = gateway.Service<ILockerStore>();

        using var outResponse = await alice.PostAsync("/dashboard/api/lockers/test-a/service", new { inService = false });
        var compartments = await store.ExecuteAsync(tx => tx.Registry.ListCompartmentsAsync("test-site"));
        Assert.Equal(HttpStatusCode.OK, outResponse.StatusCode);
        Assert.All(compartments.Where(c => c.LockerId == "test-a"), c => Assert.False(c.InService));
        Assert.True(compartments.Single(c => c.LockerId == "test-b").InService);
        Assert.Equal(("out_of_service", 0, true), Assert.Single(gateway.Commands.Sent) is var c ? (c.Action, c.Compartment, c.On) : default);

        using var inResponse = await alice.PostAsync("/dashboard/api/lockers/test-a/service", new { inService = true });
        compartments = await store.ExecuteAsync(tx => tx.Registry.ListCompartmentsAsync("test-site"));
        Assert.All(compartments, c => Assert.True(c.InService));
    }
}

using System.Net;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Monitoring;

namespace Lockers.Gateway.Tests.Staff;

/// <summary>Server-side sessions (ADR 0302) and the account changes that end them.</summary>
public sealed class StaffSessionTests
{
    private const string Fleet = "/dashboard/api/fleet";
    private const string OpenDoor = "/dashboard/api/lockers/test-a/compartments/3/open";

    [Fact]
    public async Task SignIn_StoresTheSessionServerSide()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);

        await StaffClient.SignedInAsync(gateway, "alice");

        Assert.Equal(1, await CountSessionsAsync(gateway, "alice"));
    }

    [Fact]
    public async Task ChangePassword_EndsEverySession_AndOnlyTheNewPasswordSignsIn()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Viewer);
        var laptop = await StaffClient.SignedInAsync(gateway, "alice");
        var phone = await StaffClient.SignedInAsync(gateway, "alice");

        using var changed = await laptop.PostAsync("/dashboard/api/password", new { current = StaffClient.Password, @new = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.Http.GetAsync(Fleet)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Http.GetAsync(Fleet)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.SignInAsync("alice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.SignInAsync("alice", "a brand new passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync(Fleet)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ChangesNothing()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Viewer);
        var client = await StaffClient.SignedInAsync(gateway, "alice");

        using var refused = await client.PostAsync("/dashboard/api/password", new { current = "not my password", @new = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(Fleet)).StatusCode);
        Assert.NotNull(await gateway.Service<StaffService>().VerifyAsync("alice", StaffClient.Password));
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_AndEnabledAgain_Can()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Viewer);
        var staff = gateway.Service<StaffService>();

        await staff.SetDisabledAsync("alice", true, "test");
        using var refused = await new StaffClient(gateway.CreateClient()).SignInAsync("alice");
        await staff.SetDisabledAsync("alice", false, "test");
        using var allowed = await new StaffClient(gateway.CreateClient()).SignInAsync("alice");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, allowed.StatusCode));
        var audit = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(20));
        Assert.Contains(audit, entry => entry.Action == AuditActions.StaffAccountDisabled);
        Assert.Contains(audit, entry => entry.Action == AuditActions.StaffSignInFailed && entry.Detail == "account disabled");
    }

    [Fact]
    public async Task RoleChangeCommand_EndsTheSessions_AndTheNextSignInHasTheNewRole()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Maintenance);
        var client = await StaffClient.SignedInAsync(gateway, "alice");
        var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(gateway.Service<StaffService>(), ["role", "--user", "alice", "--role", "viewer"],
            new StringReader(""), output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("now viewer; its sessions ended", output.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(OpenDoor, new { reason = "courier stuck" })).StatusCode);
        await client.SignInAsync("alice");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(OpenDoor, new { reason = "courier stuck" })).StatusCode);
    }

    [Theory]
    [InlineData("disable --user ghost")]
    [InlineData("role --user ghost --role admin")]
    public async Task AccountCommands_UnknownUser_Fail(string arguments)
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        var error = new StringWriter();

        var exit = await StaffCommand.RunAsync(gateway.Service<StaffService>(), arguments.Split(' '), new StringReader(""), new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("there is no staff user ghost", error.ToString());
    }

    private static Task<int> CountSessionsAsync(MonitoringGateway gateway, string user) =>
        gateway.Service<ILockerStore>().ReadAsync(tx => tx.Staff.CountSessionsAsync(user, gateway.Time.GetUtcNow()));
}

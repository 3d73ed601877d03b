using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Monitoring;

namespace Lockers.Gateway.Tests.Staff;

public sealed class StaffCommandTests
{
    [Fact]
    public async Task StaffAdd_PasswordOnStdin_CreatesAccountThatCanSignIn()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        var output = new StringWriter();

        var exit = await StaffCommand.RunAsync(gateway.Service<StaffService>(), ["add", "--user", "bob", "--role", "viewer"],
            new StringReader(StaffClient.Password + "\n"), output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("created staff user bob with role viewer", output.ToString());
        var account = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Staff.FindAsync("bob"));
        Assert.Equal(StaffRole.Viewer, account!.Role);
        Assert.DoesNotContain(StaffClient.Password, account.PasswordHash);
        Assert.NotNull(await gateway.Service<StaffService>().VerifyAsync("bob", StaffClient.Password));
    }

    [Theory]
    [InlineData("short", "add --user bob --role viewer", 1)]
    [InlineData(StaffClient.Password, "add --user bob --role superuser", 2)]
    [InlineData(StaffClient.Password, "add --role viewer", 2)]
    public async Task StaffAdd_BadInput_FailsWithoutCreatingAnAccount(string password, string arguments, int expectedExit)
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        var error = new StringWriter();

        var exit = await StaffCommand.RunAsync(gateway.Service<StaffService>(), arguments.Split(' '),
            new StringReader(password + "\n"), new StringWriter(), error);

        Assert.Equal(expectedExit, exit);
        Assert.NotEmpty(error.ToString());
        Assert.Empty(await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Staff.ListAsync()));
    }
}

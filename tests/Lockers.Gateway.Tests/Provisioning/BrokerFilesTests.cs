using Lockers.Gateway.Provisioning;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Provisioning;

public sealed class BrokerFilesTests
{
    [Fact]
    public void ShippedAclFile_IsWhatProvisioningWrites()
    {
        var shipped = File.ReadAllText(RepositoryRoot.File("broker", "aclfile")).ReplaceLineEndings("\n").TrimEnd();

        Assert.Equal(BrokerAclRules.Render("gateway").ReplaceLineEndings("\n").TrimEnd(), shipped);
    }

    [Fact]
    public async Task EnsureAclFile_ExistingFile_IsLeftAlone()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "# the operator's own\n");

            Assert.False(await BrokerAclRules.EnsureFileAsync(path, "gateway"));
            Assert.Equal("# the operator's own\n", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PasswordHash_VerifiesOnlyTheRightPassword()
    {
        var password = BrokerPasswordHash.NewPassword();
        var hash = BrokerPasswordHash.Create(password);

        Assert.StartsWith("$7$101$", hash);
        Assert.True(BrokerPasswordHash.Verify(password, hash));
        Assert.False(BrokerPasswordHash.Verify(password + "x", hash));
        Assert.False(BrokerPasswordHash.Verify(password, "$6$not-mosquitto"));
    }

    [Fact]
    public void NewPassword_Is32UrlSafeCharacters()
    {
        var password = BrokerPasswordHash.NewPassword();

        Assert.Equal(32, password.Length);
        Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"unexpected '{c}'"));
    }

    [Fact]
    public void ParseCommand_MissingOptions_NamesThem()
    {
        var request = ProvisionCommand.Parse(["--site", "s", "--locker", "l"], out var problem);

        Assert.Null(request);
        Assert.Equal("missing --board, --broker-host, --out", problem);
    }

    [Fact]
    public void ParseCommand_WithoutPort_DefaultsTo8883()
    {
        var request = ProvisionCommand.Parse(["--site", "s", "--locker", "l", "--board", "b.json", "--broker-host", "h", "--out", "o"], out _);

        Assert.Equal(("h", 8883), (request!.BrokerHost, request.BrokerPort));
    }
}

using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Tests.Staff;

public sealed class StaffPasswordHasherTests
{
    private readonly StaffPasswordHasher _hasher = new(iterations: 100_000);

    [Fact]
    public void Verify_SamePassword_Succeeds_OtherPasswordFails()
    {
        var stored = _hasher.Hash("correct horse battery staple");

        Assert.True(_hasher.Verify("correct horse battery staple", stored));
        Assert.False(_hasher.Verify("correct horse battery stapler", stored));
    }

    [Fact]
    public void Hash_SamePasswordTwice_UsesFreshSalt()
    {
        Assert.NotEqual(_hasher.Hash("same password here"), _hasher.Hash("same password here"));
    }

    [Fact]
    public void Hash_Default_IsPbkdf2Sha256WithAtLeastOwaspIterations()
    {
        var parts = new StaffPasswordHasher().Hash("p").Split('$');

        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1]) >= 600_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$abc")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    public void Verify_MalformedStoredHash_FailsWithoutThrowing(string stored)
    {
        Assert.False(_hasher.Verify("anything", stored));
    }

    [Fact]
    public void Verify_HashMadeWithOtherIterationCount_StillVerifies()
    {
        var old = new StaffPasswordHasher(iterations: 1_000).Hash("an older password");

        Assert.True(_hasher.Verify("an older password", old));
    }
}

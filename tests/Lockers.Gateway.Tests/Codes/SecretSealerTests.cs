using System.Security.Cryptography;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Codes;

public class SecretSealerTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    [Fact]
    public void Seal_ThenUnsealWithSamePurpose_RoundTrips()
    {
        var sealer = _gateway.Factory.Service<SecretSealer>();

        Assert.Equal("123456", sealer.Unseal(sealer.Seal("123456", "p"), "p"));
    }

    [Fact]
    public void Unseal_OtherPurposeOrTamperedData_Throws()
    {
        var sealer = _gateway.Factory.Service<SecretSealer>();
        var sealedData = sealer.Seal("123456", "p");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal(sealedData, "q"));
        sealedData[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal(sealedData, "p"));
    }

    public void Dispose() => _gateway.Dispose();
}

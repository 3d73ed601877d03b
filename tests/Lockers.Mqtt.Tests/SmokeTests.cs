namespace Lockers.Mqtt.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}

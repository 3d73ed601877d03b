using Lockers.Mqtt.Client;

namespace Lockers.Mqtt.Tests.Client;

public sealed class ReconnectPolicyTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(3, 4000)]
    [InlineData(5, 16000)]
    [InlineData(6, 30000)]
    [InlineData(1000, 30000)]
    public void CapFor_Attempt_DoublesFromMinUntilMax(int attempt, int expectedMilliseconds)
        => Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), new ReconnectPolicy(Min, Max, 1).CapFor(attempt));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void NextDelay_AnyAttemptAndRandom_StaysWithinMinAndMax(double random)
    {
        var policy = new ReconnectPolicy(Min, Max, 1, () => random);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            var delay = policy.NextDelay(attempt);
            Assert.InRange(delay, Min, Max);
            Assert.True(delay <= policy.CapFor(attempt));
        }
    }

    [Fact]
    public void NextDelay_NoJitter_IsExactlyTheCap()
    {
        var policy = new ReconnectPolicy(Min, Max, 0, () => 0.7);

        Assert.Equal(TimeSpan.FromSeconds(4), policy.NextDelay(3));
    }

    [Fact]
    public void NextDelay_FullJitter_SpreadsOverTheWholeRange()
    {
        var policy = new ReconnectPolicy(Min, Max, 1);
        var delays = Enumerable.Range(0, 2000).Select(_ => policy.NextDelay(10)).ToList();

        // Uniform over [0.5 s, 30 s]: a fleet would not reconnect in lock-step.
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(5));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(25));
        Assert.All(delays, d => Assert.InRange(d, Min, Max));
    }
}

using Lockers.Mqtt.Client;

namespace Lockers.Mqtt.Tests.Client;

public sealed class AcknowledgementSequencerTests
{
    private readonly AcknowledgementSequencer _sequencer = new();

    [Fact]
    public void Register_NumbersDeliveriesInArrivalOrder()
    {
        Assert.Equal(0, _sequencer.Register(10));
        Assert.Equal(1, _sequencer.Register(11));
        Assert.Equal(2, _sequencer.Count);
    }

    [Fact]
    public void Acknowledge_InOrder_ReleasesEachAtOnce()
    {
        long first = _sequencer.Register(10);
        long second = _sequencer.Register(11);

        Assert.Equal(new ushort[] { 10 }, _sequencer.Acknowledge(first));
        Assert.Equal(new ushort[] { 11 }, _sequencer.Acknowledge(second));
        Assert.Equal(0, _sequencer.Count);
    }

    [Fact]
    public void Acknowledge_OutOfOrder_HoldsLaterOnesUntilTheEarliestThenReleasesInArrivalOrder()
    {
        var deliveries = new[] { 7, 3, 9, 5 }.Select(id => _sequencer.Register((ushort)id)).ToArray();

        Assert.Empty(_sequencer.Acknowledge(deliveries[3]));
        Assert.Empty(_sequencer.Acknowledge(deliveries[1]));
        Assert.Equal(new ushort[] { 7, 3 }, _sequencer.Acknowledge(deliveries[0]));
        Assert.Equal(new ushort[] { 9, 5 }, _sequencer.Acknowledge(deliveries[2]));
        Assert.Equal(0, _sequencer.Count);
    }

    [Fact]
    public void Acknowledge_Repeated_ReleasesNothingMore()
    {
        long first = _sequencer.Register(1);
        long second = _sequencer.Register(2);

        Assert.Empty(_sequencer.Acknowledge(second));
        Assert.Empty(_sequencer.Acknowledge(second));
        Assert.Equal(new ushort[] { 1, 2 }, _sequencer.Acknowledge(first));
        Assert.Empty(_sequencer.Acknowledge(first));
        Assert.Empty(_sequencer.Acknowledge(second));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(long.MaxValue)]
    public void Acknowledge_UnknownDelivery_ReleasesNothing(long delivery)
    {
        _sequencer.Register(1);

        Assert.Empty(_sequencer.Acknowledge(delivery));
        Assert.Equal(1, _sequencer.Count);
    }

    [Fact]
    public void Register_PacketIdReusedAfterRelease_KeptApartByDeliveryNumber()
    {
        long first = _sequencer.Register(42);
        Assert.Equal(new ushort[] { 42 }, _sequencer.Acknowledge(first));
        long again = _sequencer.Register(42);
        long other = _sequencer.Register(43);

        Assert.Empty(_sequencer.Acknowledge(other));
        Assert.Equal(new ushort[] { 42, 43 }, _sequencer.Acknowledge(again));
    }
}

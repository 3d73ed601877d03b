using Lockers.Mqtt.Client;

namespace Lockers.Mqtt.Tests.Client;

public sealed class PacketIdAllocatorTests
{
    [Fact]
    public void Allocate_Fresh_StartsAtOneAndCountsUp()
    {
        var ids = new PacketIdAllocator();

        Assert.Equal(new ushort[] { 1, 2, 3 }, new[] { ids.Allocate(), ids.Allocate(), ids.Allocate() });
        Assert.Equal(3, ids.InUseCount);
    }

    [Fact]
    public void Release_ThenAllocate_DoesNotReuseTheIdAtOnce()
    {
        var ids = new PacketIdAllocator();
        ushort first = ids.Allocate();
        ids.Release(first);

        Assert.NotEqual(first, ids.Allocate());
    }

    [Fact]
    public void Allocate_AfterWrapAround_SkipsZeroAndIdsStillInUse()
    {
        var ids = new PacketIdAllocator();
        for (int i = 0; i < ushort.MaxValue; i++)
        {
            ids.Allocate();
        }

        ids.Release(7);
        ids.Release(3);

        // The cursor is at 65535: it wraps to 1, skips 1 and 2 (in use) and never yields 0.
        Assert.Equal(3, ids.Allocate());
        Assert.Equal(7, ids.Allocate());
    }

    [Fact]
    public void Allocate_AllInUse_ThrowsInsteadOfReusing()
    {
        var ids = new PacketIdAllocator();
        for (int i = 0; i < ushort.MaxValue; i++)
        {
            ids.Allocate();
        }

        Assert.Throws<InvalidOperationException>(() => ids.Allocate());
    }

    [Fact]
    public void Allocate_Concurrently_NeverHandsOutTheSameIdTwice()
    {
        var ids = new PacketIdAllocator();
        var handedOut = new System.Collections.Concurrent.ConcurrentBag<ushort>();

        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 5000; i++)
            {
                handedOut.Add(ids.Allocate());
            }
        });

        Assert.Equal(40000, handedOut.Distinct().Count());
        Assert.DoesNotContain((ushort)0, handedOut);
    }
}

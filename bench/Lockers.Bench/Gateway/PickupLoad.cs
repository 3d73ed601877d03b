using System.Collections.Concurrent;
using System.Diagnostics;
using Lockers.Bench.Mqtt;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Gateway;

/// <summary>One load step: offered rate, what was done, and the code-to-unlock latency of the pickups started in it.</summary>
/// <param name="Skipped">Pickups due while every locker was still busy with its previous one (the system fell behind).</param>
public sealed record PickupStep(
    int OfferedRate, TimeSpan Duration, int Completed, int Wrong, int Skipped, LatencySummary? Latency, string? FirstProblem, int MaxP99Ms)
{
    public double CompletedPerSecond => Completed / Duration.TotalSeconds;

    /// <summary>p99 within the limit, at least 90% of the offered pickups done, nothing wrong.</summary>
    public bool Passed => Latency is { } latency && latency.P99Ms <= MaxP99Ms && Completed >= 0.9 * OfferedRate * Duration.TotalSeconds && Wrong == 0;
}

/// <summary>
/// Open-loop pickups: at the offered rate, an idle locker that still has a parcel types its PIN, waits for the signed
/// unlock of that door (checked), then reports what the firmware reports: door opened (this consumes the code in
/// the gateway), cmd/result ok, door closed (this frees the compartment). A locker does one pickup at a time.
/// </summary>
public static class PickupLoad
{
    public static async Task<PickupStep> RunAsync(IReadOnlyList<BenchLocker> lockers, int rate, TimeSpan duration, int maxP99Ms, CancellationToken cancellationToken)
    {
        var idle = new ConcurrentQueue<BenchLocker>(lockers.Where(locker => locker.Seeded.Parcels.Count > 0));
        var samples = new ConcurrentBag<double>();
        var inFlight = new List<Task>();
        int completed = 0, wrong = 0, skipped = 0;
        string? firstProblem = null;
        long issued = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; issued < due; issued++)
            {
                if (!idle.TryDequeue(out var locker))
                {
                    skipped++;
                    continue;
                }

                inFlight.Add(PickUpAsync(locker));
            }

            await Task.Delay(1, cancellationToken);
        }

        var elapsed = clock.Elapsed;
        await Task.WhenAll(inFlight);
        return new PickupStep(rate, elapsed, completed, wrong, skipped, samples.IsEmpty ? null : LatencySummary.FromSamples(samples.ToArray()),
            firstProblem, maxP99Ms);

        async Task PickUpAsync(BenchLocker locker)
        {
            await Task.Yield();
            var parcel = locker.Seeded.Parcels.Dequeue();
            var receipt = await locker.EnterCodeAsync(parcel.Pin, cancellationToken);
            var problem = receipt.Problem ?? (receipt.Command is { Action: CommandActions.Unlock } unlock && unlock.Compartment == parcel.Compartment
                ? null
                : $"expected unlock of door {parcel.Compartment}, got {receipt.Command?.Action} {receipt.Command?.Compartment}");
            if (problem is not null)
            {
                Interlocked.Increment(ref wrong);
                Interlocked.CompareExchange(ref firstProblem, $"{locker.Id}: {problem}", null);
                return; // this locker is left out from now on
            }

            samples.Add(receipt.RoundTripMs);
            await locker.OpenAndCloseAsync(receipt.Command!, cancellationToken);
            Interlocked.Increment(ref completed);
            if (locker.Seeded.Parcels.Count > 0)
            {
                idle.Enqueue(locker);
            }
        }
    }
}

using Lockers.Bench.Mqtt;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Gateway;

/// <summary>Round trips of one phase: the timings of the answered ones and how many went wrong (no answer, not a valid unlock).</summary>
public sealed record RoundTripFigures(LatencySummary? Latency, int Answered, int Wrong, string? FirstProblem)
{
    public int Attempted => Answered + Wrong;
}

/// <summary>
/// Code entry to answer, one at a time, walking the lockers in turn so every round trip comes from another
/// connection: the keypad-to-door latency a person sees, with the rest of the fleet's background going on.
/// </summary>
public static class RoundTripRun
{
    /// <param name="expectUnlock">True: the answer must be a valid signed unlock of the parcel's door (else it counts as wrong).</param>
    public static async Task<RoundTripFigures> RunAsync(
        IReadOnlyList<BenchLocker> lockers, int warmup, int count, bool expectUnlock, CancellationToken cancellationToken)
    {
        var samples = new List<double>(count);
        int wrong = 0;
        string? firstProblem = null;
        for (var i = 0; i < warmup + count; i++)
        {
            var locker = lockers[i % lockers.Count];
            var parcel = locker.Seeded.Parcels.Peek();
            var receipt = await locker.EnterCodeAsync(parcel.Pin, cancellationToken);
            var problem = receipt.Problem;
            if (problem is null && expectUnlock)
            {
                problem = receipt.Command is { Action: CommandActions.Unlock } unlock && unlock.Compartment == parcel.Compartment
                    ? null
                    : $"expected unlock of door {parcel.Compartment}, got {receipt.Command?.Action} {receipt.Command?.Compartment}";
                if (receipt.Command is { } command)
                {
                    // As the firmware does once it has run (or refused) the command; the door stays shut, so the PIN stays live.
                    await locker.AnswerAsync(command, cancellationToken);
                }
            }

            if (i < warmup)
            {
                continue;
            }

            if (problem is null)
            {
                samples.Add(receipt.RoundTripMs);
            }
            else
            {
                wrong++;
                firstProblem ??= $"{locker.Id}: {problem}";
            }
        }

        return new RoundTripFigures(samples.Count > 0 ? LatencySummary.FromSamples(samples) : null, samples.Count, wrong, firstProblem);
    }
}

namespace Lockers.Bench.Mqtt;

/// <summary>Percentiles of round-trip samples, by nearest rank, computed the same way for every client.</summary>
/// <param name="Count">How many samples.</param>
/// <param name="P50Ms">Median, milliseconds.</param>
/// <param name="P99Ms">99th percentile, milliseconds.</param>
/// <param name="MaxMs">Slowest sample, milliseconds.</param>
public sealed record LatencySummary(int Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary FromSamples(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            throw new ArgumentException("No round-trip samples.", nameof(samplesMs));
        }

        var sorted = samplesMs.Order().ToArray();
        return new LatencySummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double fraction)
        => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}

namespace Lockers.Bench.Mqtt;

/// <summary>
/// One timed throughput run: wall-clock, the CPU time the publishing process used meanwhile, and for .NET clients the
/// bytes allocated and gen-0 collections (NaN / -1 where not measured).
/// </summary>
public sealed record ThroughputRun(int Messages, double Seconds, double CpuSeconds, double AllocatedBytes = double.NaN, int Gen0Collections = -1)
{
    public double AllocatedBytesPerMessage => AllocatedBytes / Messages;

    public double MessagesPerSecond => Messages / Seconds;

    /// <summary>CPU per message in microseconds: less sensitive to other load on a shared machine than the rate.</summary>
    public double CpuMicrosecondsPerMessage => CpuSeconds * 1e6 / Messages;
}

/// <summary>Several runs of one client; the report shows medians so one disturbed run does not decide.</summary>
public sealed record ThroughputSummary(IReadOnlyList<ThroughputRun> Runs)
{
    public double MedianMessagesPerSecond => Median(Runs.Select(run => run.MessagesPerSecond));

    public double MedianCpuMicrosecondsPerMessage => Median(Runs.Select(run => run.CpuMicrosecondsPerMessage));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

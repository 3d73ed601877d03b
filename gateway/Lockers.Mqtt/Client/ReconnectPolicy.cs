namespace Lockers.Mqtt.Client;

/// <summary>
/// Exponential backoff with jitter, bounded: attempt n waits between <see cref="MinDelay"/> and
/// min(<see cref="MaxDelay"/>, MinDelay x 2^n). With jitter 1 ("full jitter") the wait is uniform over that
/// range, which spreads a fleet's reconnects after a broker restart instead of stampeding it.
/// </summary>
internal sealed class ReconnectPolicy
{
    private readonly Func<double> _random;

    /// <summary>Creates the policy; <paramref name="random"/> returns values in [0, 1) (default: a shared Random).</summary>
    public ReconnectPolicy(TimeSpan minDelay, TimeSpan maxDelay, double jitter, Func<double>? random = null)
    {
        MinDelay = minDelay;
        MaxDelay = maxDelay;
        Jitter = jitter;
        _random = random ?? Random.Shared.NextDouble;
    }

    public TimeSpan MinDelay { get; }

    public TimeSpan MaxDelay { get; }

    public double Jitter { get; }

    /// <summary>The upper bound for attempt <paramref name="attempt"/> (0-based): MinDelay x 2^attempt, capped at MaxDelay.</summary>
    public TimeSpan CapFor(int attempt)
    {
        // Cap the exponent before shifting: 2^30 x any sane MinDelay is already past any MaxDelay.
        double factor = Math.Pow(2, Math.Clamp(attempt, 0, 30));
        double ticks = Math.Min(MaxDelay.Ticks, MinDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (0-based), always within [MinDelay, MaxDelay].</summary>
    public TimeSpan NextDelay(int attempt)
    {
        TimeSpan cap = CapFor(attempt);
        double randomised = cap.Ticks * (1 - Jitter * _random());
        long ticks = Math.Clamp((long)randomised, MinDelay.Ticks, MaxDelay.Ticks);
        return TimeSpan.FromTicks(ticks);
    }
}

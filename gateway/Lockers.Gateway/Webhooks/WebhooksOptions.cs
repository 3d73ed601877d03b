using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Webhooks;

/// <summary>Section "Webhooks": delivery and retry.</summary>
public sealed class WebhooksOptions : IGatewayOptions
{
    public static string Section => "Webhooks";

    /// <summary>Run the dispatcher in this process. Off, messages stay in the outbox for another gateway (or a restart).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public int PollIntervalSeconds { get; set; } = 5;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>After this many failed attempts a message is given up (kept, marked failed).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failure; doubles after each further one, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int InitialBackoffSeconds { get; set; } = 10;

    public int MaxBackoffSeconds { get; set; } = 3_600;

    public int BatchSize { get; set; } = 20;

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, InitialBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}

using System.ComponentModel.DataAnnotations;

namespace Lockers.Gateway.Webhooks;

/// <summary>Section "Webhooks": delivery and retry.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>Run the dispatcher in this process. Off, messages stay in the outbox for another gateway (or a restart).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    [Range(1, 3600, ErrorMessage = "Webhooks:PollIntervalSeconds must be between 1 and 3600.")]
    public int PollIntervalSeconds { get; set; } = 5;

    [Range(1, 120, ErrorMessage = "Webhooks:TimeoutSeconds must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>After this many failed attempts a message is given up (kept, marked failed).</summary>
    [Range(1, 100, ErrorMessage = "Webhooks:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failure; doubles after each further one, up to <see cref="MaxBackoffSeconds"/>.</summary>
    [Range(1, 86_400, ErrorMessage = "Webhooks:InitialBackoffSeconds must be between 1 and 86400.")]
    public int InitialBackoffSeconds { get; set; } = 10;

    [Range(1, 86_400, ErrorMessage = "Webhooks:MaxBackoffSeconds must be between 1 and 86400.")]
    public int MaxBackoffSeconds { get; set; } = 3_600;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, InitialBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}

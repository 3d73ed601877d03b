using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Monitoring;

/// <summary>Section "Monitoring": heartbeat, alarm thresholds, the alarm webhook and telemetry history.</summary>
public sealed class MonitoringOptions : IGatewayOptions
{
    public static string Section => "Monitoring";

    /// <summary>
    /// How often a locker sends telemetry when the gateway does not know what it was provisioned with (a locker not
    /// provisioned by this gateway's store, or before the intervals were kept). Provisioned lockers use their own
    /// interval (the device configuration's telemetryS, kept at provisioning). Default: the firmware's default.
    /// </summary>
    public int HeartbeatIntervalSeconds { get; set; } = Lockers.Core.Config.DeviceConfig.DefaultTelemetryS;

    /// <summary>A locker silent for this many telemetry intervals counts as offline, whatever its retained status says.</summary>
    public int MissedHeartbeatsForOffline { get; set; } = 3;

    /// <summary>Lowest acceptable supply voltage, millivolts (a 12 V supply sagging under 11 V cannot pull a solenoid).</summary>
    public int SupplyMinMv { get; set; } = 11_000;

    public int SupplyMaxMv { get; set; } = 14_500;

    /// <summary>Board temperature range in °C; outside it the electronics or the battery are at risk.</summary>
    public double TemperatureMinC { get; set; } = -20;

    public double TemperatureMaxC { get; set; } = 70;

    /// <summary>
    /// Alarms that come from one-off events (command refused, journal overflow, tamper, session takeover) have no condition that
    /// ends; they clear after this long without a repeat.
    /// </summary>
    public int EventAlarmQuietMinutes { get; set; } = 30;

    /// <summary>
    /// Births (retained "online" status) of one locker within <see cref="TakeoverWindowMinutes"/> that raise the
    /// session_takeover alarm. The broker lets only a locker's own identity use its client id (ADR 0203), and drops the
    /// connection it had each time: a thief with the locker's certificate and the real locker knock each other off, and the
    /// real one says "online" again after every reconnect. A reboot or a network glitch gives one or two.
    /// </summary>
    public int TakeoverConnections { get; set; } = 4;

    /// <summary>The window, minutes, in which <see cref="TakeoverConnections"/> births raise session_takeover.</summary>
    public int TakeoverWindowMinutes { get; set; } = 10;

    public TimeSpan TakeoverWindow => TimeSpan.FromMinutes(TakeoverWindowMinutes);

    /// <summary>How often every locker's rules are evaluated (missed heartbeats, quiet periods, keypad throttles).</summary>
    public int EvaluationIntervalSeconds { get; set; } = 15;

    /// <summary>Run the periodic evaluation in this process (tests drive it by hand).</summary>
    public bool EvaluatorEnabled { get; set; } = true;

    /// <summary>Where alarm changes are POSTed as JSON; empty for none.</summary>
    public string? AlarmWebhookUrl { get; set; }

    /// <summary>
    /// Signs every alarm webhook (header Lockers-Signature, as the reservation webhooks): required with
    /// <see cref="AlarmWebhookUrl"/>, at least 32 characters, so a receiver can refuse forged alarms.
    /// </summary>
    public string? AlarmWebhookSecret { get; set; }

    public int AlarmWebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Telemetry samples are kept this long for the locker page's chart.</summary>
    public int TelemetryRetentionHours { get; set; } = 48;

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatIntervalSeconds);

    public TimeSpan OfflineAfter => HeartbeatInterval * MissedHeartbeatsForOffline;

    public TimeSpan EventAlarmQuietPeriod => TimeSpan.FromMinutes(EventAlarmQuietMinutes);
}

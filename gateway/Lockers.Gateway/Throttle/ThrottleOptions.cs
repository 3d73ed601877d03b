using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Throttle;

/// <summary>Section "Throttle". Schedule rationale: docs/adr/0103-keypad-throttle.md.</summary>
public sealed class ThrottleOptions : IGatewayOptions
{
    public static string Section => "Throttle";

    /// <summary>
    /// Seconds a keypad must wait after its 1st, 2nd, ... consecutive failure; past the end the last value repeats.
    /// Three free tries cover honest typos.
    /// </summary>
    public int[] DelaysSeconds { get; set; } = [0, 0, 0, 5, 15, 60, 300, 900];

    public TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromSeconds(DelaysSeconds[Math.Clamp(failures - 1, 0, DelaysSeconds.Length - 1)]);
}

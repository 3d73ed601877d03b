// Declaration-only stand-in for nanoFramework.System.Device.Pwm 1.1.23 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/System.Device.Pwm, tag v1.1.23 (commit 8f14504), file
// System.Device.Pwm/PwmChannel.cs: every public member of PwmChannel. Bodies are placeholders: compiled against,
// never run.
namespace System.Device.Pwm
{
    /// <summary>PwmChannel.cs. CreateFromPin returns null when the pin cannot do PWM.</summary>
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public int Frequency
        {
            get => throw null;
            set => throw null;
        }

        public double DutyCycle
        {
            get => throw null;
            set => throw null;
        }

        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;

        public void Start() => throw null;

        public void Stop() => throw null;

        public void Dispose() => throw null;
    }
}

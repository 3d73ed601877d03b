// Declaration-only stand-in for nanoFramework.System.Device.Gpio 1.1.62 (Lockers.Firmware/packages.config), which
// the package source does not serve. Checked against nanoframework/System.Device.Gpio, tag v1.1.62 (commit
// cd99158), folder System.Device.Gpio/: every public member of the types below, with its published signature;
// each type names its file. Not declared: PinValuePair, WaitForEventResult, WaitEventResult (unused here).
// Bodies are placeholders: compiled against, never run. (GpioDriver lives in Iot.Device.Mcp23xxx on nanoFramework.)
namespace System.Device.Gpio
{
    /// <summary>v1.1.62 PinMode.cs. The ordinals differ from .NET IoT's: never persist the number.</summary>
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    /// <summary>v1.1.62 PinEventTypes.cs.</summary>
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    /// <summary>v1.1.62 PinNumberingScheme.cs.</summary>
    public enum PinNumberingScheme
    {
        Logical,
        Board,
    }

    /// <summary>v1.1.62 PinValue.cs: a readonly struct that does NOT implement IEquatable&lt;PinValue&gt; (no generics).</summary>
    public readonly struct PinValue
    {
        public static PinValue High => throw null;

        public static PinValue Low => throw null;

        public static implicit operator PinValue(int value) => throw null;

        public static implicit operator PinValue(bool value) => throw null;

        public static explicit operator byte(PinValue value) => throw null;

        public static explicit operator int(PinValue value) => throw null;

        public static explicit operator bool(PinValue value) => throw null;

        public static bool operator ==(PinValue a, PinValue b) => throw null;

        public static bool operator !=(PinValue a, PinValue b) => throw null;

        public bool Equals(PinValue other) => throw null;

        public override bool Equals(object obj) => throw null;

        public override int GetHashCode() => throw null;

        public override string ToString() => throw null;
    }

    /// <summary>v1.1.62 PinValueChangedEventArgs.cs: derives from nanoFramework's BaseEvent, not EventArgs.</summary>
    public class PinValueChangedEventArgs : nanoFramework.Runtime.Events.BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) => throw null;

        public PinEventTypes ChangeType => throw null;

        public int PinNumber => throw null;
    }

    /// <summary>v1.1.62 PinChangeEventHandler.cs.</summary>
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    /// <summary>v1.1.62 GpioPin.cs.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    /// <summary>v1.1.62 GpioPin.cs: no public constructor (GpioController.OpenPin creates pins).</summary>
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() => throw null;

        public TimeSpan DebounceTimeout
        {
            get => throw null;
            set => throw null;
        }

        public int PinNumber => throw null;

        public event PinValueChangedEventHandler ValueChanged
        {
            add => throw null;
            remove => throw null;
        }

        public PinMode GetPinMode() => throw null;

        public bool IsPinModeSupported(PinMode pinMode) => throw null;

        public void SetPinMode(PinMode value) => throw null;

        public PinValue Read() => throw null;

        public void Write(PinValue value) => throw null;

        public void Toggle() => throw null;

        public void Dispose() => throw null;
    }

    /// <summary>v1.1.62 GpioController.cs: sealed, no virtual members, no driver constructor.</summary>
    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw null;

        public GpioController(PinNumberingScheme numberingScheme) => throw null;

        public PinNumberingScheme NumberingScheme
        {
            get => throw null;
            internal set => throw null;
        }

        public int PinCount => throw null;

        public GpioPin OpenPin(int pinNumber) => throw null;

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;

        public void ClosePin(int pinNumber) => throw null;

        public void Dispose() => throw null;

        public PinMode GetPinMode(int pinNumber) => throw null;

        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw null;

        public bool IsPinOpen(int pinNumber) => throw null;

        public PinValue Read(int pinNumber) => throw null;

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) => throw null;

        public void SetPinMode(int pinNumber, PinMode mode) => throw null;

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => throw null;

        public void Write(int pinNumber, PinValue value) => throw null;
    }
}

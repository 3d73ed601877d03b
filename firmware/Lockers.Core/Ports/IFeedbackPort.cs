namespace Lockers.Core.Ports
{
    /// <summary>What a beep means; the driver picks tone and length.</summary>
    public enum BeepKind
    {
        /// <summary>A short click for a key press.</summary>
        Key,
        /// <summary>An accepted code or action.</summary>
        Success,
        /// <summary>A refused code, an error or a cleared entry.</summary>
        Error,
        /// <summary>An attention signal, for example a door left open.</summary>
        Alert,
    }

    /// <summary>The status LED's state.</summary>
    public enum LedState
    {
        /// <summary>Dark.</summary>
        Off,
        /// <summary>Steady: ready.</summary>
        On,
        /// <summary>Slow blink: busy or not connected.</summary>
        SlowBlink,
        /// <summary>Fast blink: fault or attention needed.</summary>
        FastBlink,
    }

    /// <summary>What the user sees and hears: a small text display (or none), the buzzer and the status LED.</summary>
    public interface IFeedbackPort
    {
        /// <summary>Shows a short line of text; an empty string clears the display. Boards without a display ignore it.</summary>
        void ShowText(string text);

        /// <summary>Sounds the buzzer; returns at once (the driver times the tone).</summary>
        void Beep(BeepKind kind);

        /// <summary>Sets the status LED.</summary>
        void SetLed(LedState state);
    }
}

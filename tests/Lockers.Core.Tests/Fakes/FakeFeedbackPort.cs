using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>Records what the user would see and hear.</summary>
public sealed class FakeFeedbackPort : IFeedbackPort
{
    /// <summary>Every text shown, in order.</summary>
    public List<string> Texts { get; } = new();

    /// <summary>Every beep, in order.</summary>
    public List<BeepKind> Beeps { get; } = new();

    /// <summary>Every LED state set, in order.</summary>
    public List<LedState> Leds { get; } = new();

    /// <summary>The text on the display now ("" when cleared or never set).</summary>
    public string Display => Texts.Count == 0 ? "" : Texts[^1];

    public void ShowText(string text) => Texts.Add(text);

    public void Beep(BeepKind kind) => Beeps.Add(kind);

    public void SetLed(LedState state) => Leds.Add(state);
}

using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>A keypad a test types on.</summary>
public sealed class FakeKeypadPort : IKeypadPort
{
    public event KeyPressedHandler? KeyPressed;

    /// <summary>Presses each key of <paramref name="keys"/> in turn.</summary>
    public void Type(string keys)
    {
        foreach (var k in keys) KeyPressed?.Invoke(k);
    }
}

using Lockers.Gateway.Throttle;

namespace Lockers.Gateway.Store;

/// <summary>Kept in the store so every gateway sharing it sees the same keypad counts.</summary>
public interface IThrottleRepository
{
    Task<KeypadThrottleState?> GetAsync(KeypadRef keypad);
    Task SaveAsync(KeypadRef keypad, KeypadThrottleState state);
    Task ResetAsync(KeypadRef keypad);
}

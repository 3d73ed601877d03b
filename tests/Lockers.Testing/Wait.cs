namespace Lockers.Testing;

/// <summary>Waiting on conditions in tests, always with a timeout: a wait that can hang is a test that never fails.</summary>
public static class Wait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> with
    /// <paramref name="what"/> after <paramref name="timeout"/>. For state that offers no signal to await.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Async variant of <see cref="UntilAsync(Func{bool}, TimeSpan, string)"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }
}

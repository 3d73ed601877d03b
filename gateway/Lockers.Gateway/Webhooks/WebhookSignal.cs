namespace Lockers.Gateway.Webhooks;

/// <summary>Wakes the dispatcher after a commit that enqueued webhooks, so delivery does not wait for the next poll.</summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Returns on a notification or after <paramref name="timeout"/> of the given clock, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _semaphore.WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(signalled, elapsed);
        await linked.CancelAsync(); // drops the losing wait so it cannot swallow a later signal
        cancellationToken.ThrowIfCancellationRequested();
    }
}

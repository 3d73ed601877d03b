using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>Wraps the store to feed the store-latency histogram; behaves exactly like the store it wraps.</summary>
public sealed class TimedLockerStore(ILockerStore inner, GatewayMetrics metrics, TimeProvider time) : ILockerStore
{
    public Task<T> ExecuteAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        TimeAsync(() => inner.ExecuteAsync(work, cancellationToken));

    public Task<T> ReadAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        TimeAsync(() => inner.ReadAsync(work, cancellationToken));

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    public bool IsUnavailable(Exception failure) => inner.IsUnavailable(failure);

    /// <remarks>Units inside a group are timed without the commit, which the group does once for all of them.</remarks>
    public IStoreGroup BeginGroup() => inner.BeginGroup();

    public Task AfterCommitAsync(Func<Task> action) => inner.AfterCommitAsync(action);

    private async Task<T> TimeAsync<T>(Func<Task<T>> unitOfWork)
    {
        var started = time.GetTimestamp();
        try
        {
            return await unitOfWork();
        }
        finally
        {
            metrics.ObserveStoreUnit(time.GetElapsedTime(started));
        }
    }
}

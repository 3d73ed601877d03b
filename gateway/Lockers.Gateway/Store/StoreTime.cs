namespace Lockers.Gateway.Store;

public static class StoreTime
{
    /// <summary>
    /// Now, to the millisecond: the store keeps unix milliseconds, so values handed out (API answers,
    /// webhooks) match what a later read returns.
    /// </summary>
    public static DateTimeOffset GetStoreNow(this TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}

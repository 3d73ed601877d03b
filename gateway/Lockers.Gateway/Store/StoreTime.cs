namespace Lockers.Gateway.Store;

/// <summary>
/// The one rule for time in the gateway: the store keeps whole unix milliseconds, so every "now" is read here, already
/// cut to the millisecond. A value handed out (an API answer, a webhook, a live update) then equals what a later read
/// of the store returns, whichever unit of work wrote it. The SQLite encoding (SqliteValues) converts through here too.
/// A test over the compiled gateway holds both: nothing else reads the clock, and the store binds no raw time.
/// </summary>
public static class StoreTime
{
    /// <summary>Now, to the millisecond: the only place the gateway reads its clock.</summary>
    public static DateTimeOffset GetStoreNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    /// <summary>The value the store would give back for <paramref name="value"/>.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) => FromStored(ToStored(value));

    /// <summary>The stored form: unix milliseconds (sub-millisecond ticks are dropped).</summary>
    public static long ToStored(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromStored(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}

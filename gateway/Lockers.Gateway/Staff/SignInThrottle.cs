using Lockers.Gateway.Store;

namespace Lockers.Gateway.Staff;

/// <summary>
/// Slows password guessing at the dashboard's sign-in. After <see cref="FreeAttemptsPerUser"/> consecutive failures
/// for one user name, or <see cref="FreeAttemptsPerClient"/> from one client address, further attempts are refused
/// until a delay has passed: 30 s, doubling with each further failure, at most 15 minutes. A success clears the user
/// name's count. It is checked before the password hash, so a refused guess costs no PBKDF2 work.
/// </summary>
/// <remarks>
/// A delay, never a lock-out: someone who knows a user name can hold that account back for at most 15 minutes at a
/// time, not shut it out. The client limit is higher because staff behind one proxy share an address. In memory and
/// per gateway: a restart forgets the counts, which still bounds guesses to a handful per delay. See ADR 0301.
/// </remarks>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeAttemptsPerUser = 5;
    public const int FreeAttemptsPerClient = 20;

    /// <summary>Entries kept at most; beyond it the ones idle longest are forgotten first.</summary>
    public const int MaxTracked = 10_000;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Entries held now (user names and client addresses with failures).</summary>
    internal int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How long the caller must wait before trying again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string userName, string client)
    {
        var now = time.GetStoreNow();
        lock (_gate)
        {
            var until = Max(BlockedUntil(UserKey(userName)), BlockedUntil(ClientKey(client)));
            return until > now ? until - now : null;
        }
    }

    public void Failed(string userName, string client)
    {
        var now = time.GetStoreNow();
        lock (_gate)
        {
            Count(UserKey(userName), FreeAttemptsPerUser, now);
            Count(ClientKey(client), FreeAttemptsPerClient, now);
        }
    }

    public void Succeeded(string userName)
    {
        lock (_gate)
        {
            _entries.Remove(UserKey(userName));
        }
    }

    private void Count(string key, int freeAttempts, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            MakeRoom(now);
            entry = new Entry();
            _entries[key] = entry;
        }

        entry.Failures++;
        entry.LastFailure = now;
        if (entry.Failures >= freeAttempts)
        {
            var doublings = Math.Min(entry.Failures - freeAttempts, 10);
            var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << doublings, MaxDelay.Ticks));
            entry.BlockedUntil = now + delay;
        }
    }

    /// <summary>Forgets entries idle past the longest delay; if still full, the one idle longest.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxTracked)
        {
            return;
        }

        foreach (var stale in _entries.Where(pair => pair.Value.BlockedUntil <= now && now - pair.Value.LastFailure > MaxDelay).Select(pair => pair.Key).ToList())
        {
            _entries.Remove(stale);
        }

        if (_entries.Count >= MaxTracked)
        {
            _entries.Remove(_entries.MinBy(pair => pair.Value.LastFailure).Key);
        }
    }

    private DateTimeOffset BlockedUntil(string key) => _entries.TryGetValue(key, out var entry) ? entry.BlockedUntil : DateTimeOffset.MinValue;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string UserKey(string userName) => "user:" + userName;

    private static string ClientKey(string client) => "client:" + client;

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset BlockedUntil = DateTimeOffset.MinValue;
    }
}

using System.Security.Cryptography;
using Lockers.Core.Commands;
using Lockers.Core.Offline;
using Lockers.Core.Protocol;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Pushes each online locker its offline code cache (docs/adr/0211-offline-code-cache.md): every OfflineCodes:PushIntervalSeconds
/// it looks for caches the parcel lifecycle marked changed, that a locker's birth asked for again, or whose entries are half-way
/// through their lifetime, and sends each as one version of up to four signed sync_codes parts. A version is built, numbered,
/// signed and recorded in one unit of work and published after it commits, so a push is either on record or never left.
/// A locker that misses a part answers the next one out_of_order and keeps its last complete version until the next push.
/// </summary>
public sealed class CodeCachePusher(
    ILockerStore store, ILockerCommandSender sender, CommandKeys keys, SecretSealer sealer,
    IOptions<OfflineCodesOptions> options, IOptions<LockerLinkOptions> link, TimeProvider time, ILogger<CodeCachePusher> logger)
    : BackgroundService
{
    /// <summary>Lockers pushed per look at most; the rest wait for the next one.</summary>
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!link.Value.Enabled || !options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PushIntervalSeconds), time);
        do
        {
            try
            {
                await PushDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Offline code caches not pushed; retrying at the next interval");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Pushes every cache that is due now; returns how many lockers got one.</summary>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken = default)
    {
        var staleBefore = time.GetStoreNow() - TimeSpan.FromHours(options.Value.EntryLifetimeHours) / 2;
        var due = await store.ReadAsync(tx => tx.CodeCaches.ListDueAsync(staleBefore, BatchSize), cancellationToken);
        var pushed = 0;
        foreach (var lockerId in due)
        {
            if (await PushAsync(lockerId, cancellationToken))
            {
                pushed++;
            }
        }

        return pushed;
    }

    /// <summary>Builds, records and publishes one version of <paramref name="lockerId"/>'s cache; false when it has no command key.</summary>
    public async Task<bool> PushAsync(string lockerId, CancellationToken cancellationToken = default)
    {
        var parts = await store.ExecuteAsync(async tx =>
        {
            if (await tx.LockerLink.GetCredentialsAsync(lockerId) is not { } credentials)
            {
                return [];
            }

            var now = time.GetStoreNow();
            var texts = Chunk(Entries(lockerId, credentials.SealedCommandKey, await tx.CodeCaches.ListCodesAsync(lockerId), now));
            var version = await tx.CodeCaches.MarkPushedAsync(lockerId, now);
            var signed = new List<SignedCommand>();
            for (var i = 0; i < texts.Count; i++)
            {
                var request = LockerCommandRequest.SyncCodes(lockerId, version, i + 1, texts.Count, texts[i]);
                if (await sender.SignAndRecordAsync(tx, request, "gateway", null) is { } command)
                {
                    signed.Add(command);
                }
            }

            return signed;
        }, cancellationToken);

        await store.AfterCommitAsync(() =>
        {
            foreach (var part in parts)
            {
                sender.StartPublish(part, cancellationToken);
            }

            return Task.CompletedTask;
        });
        return parts.Count > 0;
    }

    /// <summary>
    /// The cache's entries in the protocol's text form, at most <see cref="CachedCodes.Capacity"/>: pickup codes first (a parcel
    /// waiting for its recipient matters most), then collect and drop-off codes. Each expires after the entry lifetime, and a
    /// pickup code no later than its parcel's deadline.
    /// </summary>
    private List<string> Entries(string lockerId, byte[] sealedCommandKey, IReadOnlyList<CachedCodeSource> codes, DateTimeOffset now)
    {
        var commandKey = keys.Unseal(lockerId, sealedCommandKey);
        var key = OfflineVerifier.DeriveKey(commandKey);
        CryptographicOperations.ZeroMemory(commandKey);
        try
        {
            var lifetimeEnd = now.AddHours(options.Value.EntryLifetimeHours);
            var ordered = codes.OrderBy(code => code.Kind is CodeKind.PickupPin or CodeKind.PickupQr ? 0 : 1).ThenBy(code => code.CodeId).ToList();
            if (ordered.Count > CachedCodes.Capacity)
            {
                logger.LogWarning("Locker {LockerId} has {Count} live codes; its offline cache holds the first {Capacity}",
                    lockerId, ordered.Count, CachedCodes.Capacity);
            }

            return ordered.Take(CachedCodes.Capacity).Select(code =>
            {
                var expires = code.Kind is CodeKind.PickupPin or CodeKind.PickupQr && code.PickupDeadline is { } deadline && deadline < lifetimeEnd
                    ? deadline
                    : lifetimeEnd;
                var verifier = OfflineVerifier.Compute(key, sealer.Unseal(code.SealedCode, CodeIssuer.OfflineCodePurpose));
                return CachedCodes.FormatEntry(code.CodeId, code.Compartment, KindLetter(code.Kind), expires.ToUnixTimeSeconds(), verifier);
            }).ToList();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Parts of at most 16 entries and 1024 characters; one empty part for an empty cache.</summary>
    private static List<string> Chunk(List<string> entries)
    {
        var parts = new List<string>();
        var current = new List<string>();
        var length = 0;
        foreach (var entry in entries)
        {
            if (current.Count == CachedCodes.MaxPerPart || length + entry.Length + 1 > CachedCodes.MaxTextLength)
            {
                parts.Add(string.Join(";", current));
                current.Clear();
                length = 0;
            }

            current.Add(entry);
            length += entry.Length + 1;
        }

        parts.Add(string.Join(";", current));
        return parts.Take(CachedCodes.MaxParts).ToList();
    }

    private static char KindLetter(CodeKind kind) => kind switch
    {
        CodeKind.PickupPin => CachedCodeKinds.Pin,
        CodeKind.PickupQr => CachedCodeKinds.Qr,
        CodeKind.Dropoff => CachedCodeKinds.Dropoff,
        _ => CachedCodeKinds.Collect,
    };

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using System.Collections.Concurrent;
using Lockers.Core.Acks;
using Lockers.Core.Protocol;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// The end-to-end acknowledgements the gateway owes lockers (ADR 0207). A claim owes one once its unit of work has
/// committed (<see cref="OweAfterCommitAsync"/>); the link sends what is owed after each apply round
/// (<see cref="SendOwedAsync"/>), one ack per (locker, epoch): acks are cumulative, so a group of a locker's events is
/// confirmed by one. Each ack is signed with the locker's own command key and published at QoS 1 without waiting for
/// the broker: a lost ack is repaired by the locker's resend, which arrives as a duplicate and is acknowledged again.
/// </summary>
public sealed class LockerAcks(ILockerStore store, CommandKeys keys, ILockerCommandPublisher publisher, LinkCounters counters,
    ILogger<LockerAcks> logger)
{
    private readonly ConcurrentDictionary<(string Locker, string Epoch), Owed> _owed = new();

    /// <summary>
    /// Owes <paramref name="lockerId"/> an ack of <paramref name="claim"/> once what this flow wrote is durable (inside a
    /// group: after its commit; dropped if it rolls back). <paramref name="sealedKey"/> is the locker's sealed command key;
    /// null (a locker never provisioned) owes nothing.
    /// </summary>
    public Task OweAfterCommitAsync(string lockerId, EventClaim claim, byte[]? sealedKey)
    {
        if (sealedKey is null || (claim.Outcome == EventClaimOutcome.Held && !claim.AskReplay))
        {
            return Task.CompletedTask; // held without a request: nothing new to tell the locker
        }

        return store.AfterCommitAsync(() =>
        {
            _owed.AddOrUpdate((lockerId, claim.Epoch), new Owed(claim.AppliedThrough, claim.AskReplay, sealedKey),
                (_, owed) => new Owed(Math.Max(owed.Through, claim.AppliedThrough), owed.Replay || claim.AskReplay, sealedKey));
            return Task.CompletedTask;
        });
    }

    /// <summary>Acks owed and not yet sent (for tests and the link's log).</summary>
    public int Owing => _owed.Count;

    /// <summary>Signs and publishes every ack owed; failures are logged (the locker's resend brings the ack back).</summary>
    public void SendOwed(CancellationToken cancellationToken)
    {
        foreach (var key in _owed.Keys)
        {
            if (!_owed.TryRemove(key, out var owed))
            {
                continue;
            }

            byte[] payload;
            try
            {
                var commandKey = keys.Unseal(key.Locker, owed.SealedKey);
                try
                {
                    payload = new AckSigner(commandKey).Sign(key.Locker, new AckPayload { Epoch = key.Epoch, Seq = owed.Through, Replay = owed.Replay }).ToJson();
                }
                finally
                {
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(commandKey);
                }
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                logger.LogError(ex, "Ack for locker {LockerId} not signed: its sealed command key does not open (re-provision it)", key.Locker);
                continue;
            }

            counters.CountAck(owed.Replay);
            _ = publisher.PublishAckAsync(key.Locker, payload, cancellationToken).ContinueWith(
                publish => logger.LogWarning(publish.Exception?.GetBaseException(), "Ack for locker {LockerId} not handed to the broker", key.Locker),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private sealed record Owed(long Through, bool Replay, byte[] SealedKey);
}

using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Couriers;

/// <summary>How revoking a courier ended.</summary>
public enum CourierRevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}

/// <summary>
/// Couriers' identities, issued and revoked by their carrier: the badge token (QR) and PIN are drawn here, shown once and
/// kept only as HMACs; <see cref="IdentifyAsync"/> says whose a scanned badge or typed PIN is (for the round at the locker).
/// </summary>
public sealed class CourierService(ILockerStore store, CodeHasher hasher, IOptions<CodesOptions> codes, TimeProvider time)
{
    public const string BadgeKind = "badge";
    public const string PinKind = "pin";

    /// <summary>A new courier of <paramref name="clientId"/>: a badge token and a PIN no other active courier has.</summary>
    public Task<IssuedCourier> IssueAsync(string clientId, string name, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            var badge = CodeGenerator.Token();
            string pin;
            var attempts = 0;
            do
            {
                pin = CodeGenerator.Digits(codes.Value.CourierPinLength);
                if (++attempts > codes.Value.MaxGenerationAttempts)
                {
                    throw new InvalidOperationException($"No unused courier PIN after {attempts - 1} tries; raise Codes:CourierPinLength.");
                }
            }
            while (await tx.Couriers.FindActiveByPinAsync(hasher.HashCourierCode(PinKind, pin)) is not null);

            var now = time.GetStoreNow();
            var courier = new Courier("cou_" + CodeGenerator.Token(12), clientId, name, hasher.HashCourierCode(BadgeKind, badge),
                hasher.HashCourierCode(PinKind, pin), now);
            await tx.Couriers.InsertAsync(courier);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"client:{clientId}", AuditActions.CourierIssued, Detail: $"courier={courier.Id} name={name}"));
            return new IssuedCourier(courier, badge, pin);
        }, cancellationToken);

    public Task<IReadOnlyList<Courier>> ListAsync(string clientId, CancellationToken cancellationToken = default) =>
        store.ReadAsync(tx => tx.Couriers.ListAsync(clientId), cancellationToken);

    /// <summary>Revokes a courier of the client (another client's looks like a missing one): the badge and PIN open nothing from now on.</summary>
    public Task<CourierRevokeOutcome> RevokeAsync(string clientId, string courierId, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (await tx.Couriers.GetAsync(courierId) is not { } courier || courier.ClientId != clientId)
            {
                return CourierRevokeOutcome.NotFound;
            }

            var now = time.GetStoreNow();
            if (!await tx.Couriers.RevokeAsync(courierId, now))
            {
                return CourierRevokeOutcome.AlreadyRevoked;
            }

            await tx.Audit.AppendAsync(new AuditEntry(now, $"client:{clientId}", AuditActions.CourierRevoked, Detail: $"courier={courierId}"));
            return CourierRevokeOutcome.Revoked;
        }, cancellationToken);

    /// <summary>
    /// The active courier whose badge (scanned) or PIN (typed, of the courier PIN's length) this is, or null. The caller
    /// (the code check) counts a typed miss against the keypad's throttle like any wrong code.
    /// </summary>
    public async Task<Courier?> IdentifyAsync(IStoreTransaction tx, string code, bool scanned)
    {
        if (scanned)
        {
            return await tx.Couriers.FindActiveByBadgeAsync(hasher.HashCourierCode(BadgeKind, code));
        }

        return code.Length == codes.Value.CourierPinLength && code.All(char.IsAsciiDigit)
            ? await tx.Couriers.FindActiveByPinAsync(hasher.HashCourierCode(PinKind, code))
            : null;
    }
}

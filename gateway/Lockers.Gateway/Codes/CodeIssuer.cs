using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Codes;

/// <summary>The recipient's codes, returned once in clear to be handed on; only their hashes are kept.</summary>
public sealed record IssuedPickupCodes(string Pin, string AccessToken, string QrToken);

/// <summary>
/// Issues codes inside the caller's transaction, for the reservation lifecycle (which decides when). Numeric codes are
/// drawn until one is not live at the site; the unique index on live codes backs the check up against a concurrent writer.
/// Besides its hash each code is kept sealed while it is live, so the offline code cache of whichever locker the parcel is
/// in can be computed from it (docs/adr/0211-offline-code-cache.md); the store erases the sealed copy when the code retires.
/// </summary>
public sealed class CodeIssuer(CodeHasher hasher, SecretSealer sealer, IOptions<CodesOptions> options, TimeProvider time)
{
    /// <summary>The purpose a live code is sealed under (bound into the seal, so no other sealed secret passes for one).</summary>
    public const string OfflineCodePurpose = "offline-code";

    private readonly CodesOptions _options = options.Value;

    public byte[] HashAccessToken(string accessToken) => hasher.HashAccessToken(accessToken);

    public Task<string> IssueDropoffCodeAsync(IStoreTransaction tx, string reservationId, string siteId) =>
        IssueDigitsAsync(tx, reservationId, siteId, CodeKind.Dropoff, _options.DropoffCodeLength);

    public Task<string> IssueCollectCodeAsync(IStoreTransaction tx, string reservationId, string siteId) =>
        IssueDigitsAsync(tx, reservationId, siteId, CodeKind.Collect, _options.CollectCodeLength);

    /// <summary>
    /// Which derivation of <paramref name="accessToken"/> becomes the PIN: the first whose PIN is not live at the site.
    /// Chosen before the reservation is written (it keeps the index); <see cref="IssuePickupCodesAsync"/> stores it.
    /// </summary>
    public async Task<int> ChoosePinIndexAsync(IStoreTransaction tx, string siteId, string accessToken)
    {
        for (var index = 0; index < _options.MaxGenerationAttempts; index++)
        {
            if (!await tx.Codes.LiveExistsAsync(siteId, hasher.HashCode(siteId, hasher.PinFor(accessToken, index, _options.PinLength))))
            {
                return index;
            }
        }

        throw new InvalidOperationException(
            $"No unused {_options.PinLength}-digit PIN found at site {siteId} after {_options.MaxGenerationAttempts} tries; raise Codes:PinLength.");
    }

    /// <summary>The PIN the parcel page shows: the one <see cref="ChoosePinIndexAsync"/> chose.</summary>
    public string PinFor(string accessToken, int pinIndex) => hasher.PinFor(accessToken, pinIndex, _options.PinLength);

    /// <summary>
    /// PIN and QR token, both derived from <paramref name="accessToken"/> (the recipient's link, whose hash the reservation
    /// keeps): the PIN as the <paramref name="pinIndex"/>-th candidate, the QR token as before (ADR 0102).
    /// </summary>
    public async Task<IssuedPickupCodes> IssuePickupCodesAsync(IStoreTransaction tx, string reservationId, string siteId, string accessToken, int pinIndex)
    {
        var pin = PinFor(accessToken, pinIndex);
        // Sealed like every other live code, so the locker's offline cache holds the PIN too (ADR 0211).
        await tx.Codes.InsertAsync(reservationId, siteId, CodeKind.PickupPin, hasher.HashCode(siteId, pin), time.GetStoreNow(),
            sealer.Seal(pin, OfflineCodePurpose));
        await AuditIssuedAsync(tx, reservationId, siteId, CodeKind.PickupPin);
        var qrToken = hasher.QrTokenFor(accessToken);
        await tx.Codes.InsertAsync(reservationId, siteId, CodeKind.PickupQr, hasher.HashCode(siteId, qrToken), time.GetStoreNow(),
            sealer.Seal(qrToken, OfflineCodePurpose));
        await AuditIssuedAsync(tx, reservationId, siteId, CodeKind.PickupQr);
        return new IssuedPickupCodes(pin, accessToken, qrToken);
    }

    private async Task<string> IssueDigitsAsync(IStoreTransaction tx, string reservationId, string siteId, CodeKind kind, int length)
    {
        for (var attempt = 0; attempt < _options.MaxGenerationAttempts; attempt++)
        {
            var code = CodeGenerator.Digits(length);
            var hash = hasher.HashCode(siteId, code);
            if (await tx.Codes.LiveExistsAsync(siteId, hash))
            {
                continue;
            }
            await tx.Codes.InsertAsync(reservationId, siteId, kind, hash, time.GetStoreNow(), sealer.Seal(code, OfflineCodePurpose));
            await AuditIssuedAsync(tx, reservationId, siteId, kind);
            return code;
        }
        throw new InvalidOperationException(
            $"No unused {length}-digit code found at site {siteId} after {_options.MaxGenerationAttempts} tries; " +
            "raise Codes:PinLength or retire stale codes.");
    }

    private Task AuditIssuedAsync(IStoreTransaction tx, string reservationId, string siteId, CodeKind kind) =>
        tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), "gateway", AuditActions.CodeIssued, siteId,
            ReservationId: reservationId, Detail: $"kind={kind}"));
}

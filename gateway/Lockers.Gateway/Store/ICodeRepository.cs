using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Store;

public interface ICodeRepository
{
    /// <summary>True when a live code with this hash exists at the site (any kind).</summary>
    Task<bool> LiveExistsAsync(string siteId, byte[] hash);
    /// <param name="sealedCode">The code sealed for its locker's offline cache (Codes/CodeIssuer); kept only while it is live.</param>
    Task<long> InsertAsync(string reservationId, string siteId, CodeKind kind, byte[] hash, DateTimeOffset issuedAt, byte[]? sealedCode = null);
    Task<StoredCode?> FindLiveAsync(string siteId, byte[] hash);

    /// <summary>The reservation's live code of this kind (a courier's round opens the door with it), or null.</summary>
    Task<StoredCode?> FindLiveForReservationAsync(string reservationId, CodeKind kind);

    /// <summary>The code with this id whatever its state (<see cref="StoredCodeState.Live"/> says whether it still opens anything); null if never issued.</summary>
    Task<StoredCodeState?> GetAsync(long codeId);

    /// <summary>live -> used, only once: false when already used or revoked. A retired code's sealed copy is erased.</summary>
    Task<bool> ConsumeAsync(long codeId, DateTimeOffset at);

    /// <summary>Retires every live code of these kinds for the reservation.</summary>
    Task RevokeAsync(string reservationId, IReadOnlyCollection<CodeKind> kinds, DateTimeOffset at);
}

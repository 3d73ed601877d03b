using Lockers.Gateway.Couriers;

namespace Lockers.Gateway.Store;

public interface ICourierRepository
{
    Task InsertAsync(Courier courier);
    Task<Courier?> GetAsync(string courierId);
    Task<IReadOnlyList<Courier>> ListAsync(string clientId);

    /// <summary>Marks the courier revoked; false when already revoked.</summary>
    Task<bool> RevokeAsync(string courierId, DateTimeOffset at);

    Task<Courier?> FindActiveByBadgeAsync(byte[] badgeHash);
    Task<Courier?> FindActiveByPinAsync(byte[] pinHash);
}

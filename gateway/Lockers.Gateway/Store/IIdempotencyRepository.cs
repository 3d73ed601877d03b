using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Store;

public interface IIdempotencyRepository
{
    Task<IdempotencyRecord?> FindAsync(string clientId, string key);
    Task InsertAsync(IdempotencyRecord record);
}

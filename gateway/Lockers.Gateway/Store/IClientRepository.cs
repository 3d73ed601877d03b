using Lockers.Gateway.Clients;

namespace Lockers.Gateway.Store;

public interface IClientRepository
{
    Task InsertClientAsync(ApiClient client);
    Task<ApiClient?> GetClientAsync(string clientId);
    Task<ApiClient?> FindClientByNameAsync(string name);
    Task InsertApiKeyAsync(StoredApiKey key);
    Task<StoredApiKey?> FindApiKeyAsync(string prefix);
}

using Lockers.Gateway.Clients;

namespace Lockers.Gateway.Store;

public interface IClientRepository
{
    Task InsertClientAsync(ApiClient client);
    Task<ApiClient?> GetClientAsync(string clientId);
    Task<ApiClient?> FindClientByNameAsync(string name);
    Task InsertApiKeyAsync(StoredApiKey key);

    /// <summary>Sets the client's recipient policy (null values: the defaults apply).</summary>
    Task SetRecipientPolicyAsync(string clientId, int? extensionHours, bool? redirectBeforeDeposit, bool? redirectAfterDeposit);
    Task<StoredApiKey?> FindApiKeyAsync(string prefix);
}

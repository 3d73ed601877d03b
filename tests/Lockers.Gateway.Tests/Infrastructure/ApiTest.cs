namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway per test (real SQLite in a temp directory, fake clock) with the test site imported and an API client
/// <see cref="Http"/> authenticated with a fresh API key: the starting point of the REST API tests.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    private protected GatewayFixture Gateway { get; } = new();

    private protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Gateway.ImportTestSiteAsync();
        Http = await Gateway.CreateApiClientAsync();
    }

    public Task DisposeAsync()
    {
        Gateway.Dispose();
        return Task.CompletedTask;
    }
}

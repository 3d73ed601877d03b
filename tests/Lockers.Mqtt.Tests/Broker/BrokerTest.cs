using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// A fresh Mosquitto (default options) for each test and <see cref="BrokerClients"/> on it; after the test the
/// clients are closed and the broker stopped, which fails the test if the broker logged an error.
/// </summary>
public abstract class BrokerTest(ITestOutputHelper output) : IAsyncLifetime
{
    private protected ITestOutputHelper Output { get; } = output;

    private protected MosquittoBroker Broker { get; private set; } = null!;

    private protected BrokerClients Clients { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartNewAsync();
        Clients = new BrokerClients(Broker, Output);
    }

    public async Task DisposeAsync()
    {
        await Clients.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

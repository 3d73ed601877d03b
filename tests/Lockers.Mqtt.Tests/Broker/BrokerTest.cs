using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// A fresh Mosquitto (<see cref="BrokerOptions"/>, default unless a test class overrides it) for each test and <see cref="BrokerClients"/> on it; after the test the
/// clients are closed and the broker stopped, which fails the test if the broker logged an error.
/// </summary>
public abstract class BrokerTest(ITestOutputHelper output) : IAsyncLifetime
{
    private protected ITestOutputHelper Output { get; } = output;

    private protected MosquittoBroker Broker { get; private set; } = null!;

    private protected BrokerClients Clients { get; private set; } = null!;

    /// <summary>The broker's options for each test of the class.</summary>
    private protected virtual MosquittoBrokerOptions BrokerOptions() => new();

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartNewAsync(BrokerOptions());
        Clients = new BrokerClients(Broker, Output);
    }

    public virtual async Task DisposeAsync()
    {
        await Clients.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

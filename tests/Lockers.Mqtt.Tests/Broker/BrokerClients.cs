using System.Runtime.CompilerServices;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>Makes clients for a test broker (test-named ids, the test user, quick reconnects) and disposes them all at the end.</summary>
internal sealed class BrokerClients : IAsyncDisposable
{
    private readonly MosquittoBroker _broker;
    private readonly ITestOutputHelper _output;
    private readonly List<MqttClient> _clients = new();

    public BrokerClients(MosquittoBroker broker, ITestOutputHelper output)
    {
        _broker = broker;
        _output = output;
    }

    /// <summary>Options for the test user with reconnect delays short enough for tests, over TLS unless the broker is plain.</summary>
    public MqttClientOptions Options(string role, [CallerMemberName] string testName = "") => new()
    {
        Host = _broker.Host,
        Port = _broker.Port,
        ClientId = TestIds.ClientId(testName, role),
        UserName = MosquittoBrokerOptions.DefaultUser,
        Password = MosquittoBrokerOptions.DefaultPassword,
        KeepAlive = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Tls = _broker.ClientTls(),
    };

    /// <summary>A client (not yet connected) that is disposed with this object; logs go to the test output and the returned logger.</summary>
    public (MqttClient Client, TestLogger Log) Create(MqttClientOptions options)
    {
        var log = new TestLogger(_output, options.ClientId);
        var client = new MqttClient(options, log);
        _clients.Add(client);
        return (client, log);
    }

    /// <summary>Creates and connects a client.</summary>
    public async Task<MqttClient> ConnectAsync(string role, Action<MqttClientOptions>? configure = null, [CallerMemberName] string testName = "")
    {
        var options = Options(role, testName);
        configure?.Invoke(options);
        var (client, _) = Create(options);
        await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        }
    }
}

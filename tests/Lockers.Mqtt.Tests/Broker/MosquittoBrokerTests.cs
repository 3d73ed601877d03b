using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>The test fixture itself: error lines fail the test, restarts keep port and persistence.</summary>
public sealed class MosquittoBrokerTests
{
    private readonly ITestOutputHelper _output;

    public MosquittoBrokerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Dispose_BrokerLoggedUnexpectedError_Throws()
    {
        var broker = await MosquittoBroker.StartNewAsync();
        await File.AppendAllTextAsync(Path.Combine(broker.Directory, "mosquitto.log"), "12:00:00: Error: injected by the test\n");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broker.DisposeAsync().AsTask());

        Assert.Contains("injected by the test", error.Message);
        Assert.False(Directory.Exists(broker.Directory));
    }

    [Fact]
    public async Task Dispose_ErrorOnTheAllowList_DoesNotThrow()
    {
        var options = new MosquittoBrokerOptions();
        options.AllowedErrors.Add("expected by the test");
        var broker = await MosquittoBroker.StartNewAsync(options);
        await File.AppendAllTextAsync(Path.Combine(broker.Directory, "mosquitto.log"), "12:00:00: Error: expected by the test\n");

        await broker.DisposeAsync();

        Assert.False(broker.IsRunning);
    }

    [Fact]
    public async Task StopThenStart_SamePortAndPersistence_RetainedMessageSurvives()
    {
        await using var broker = await MosquittoBroker.StartNewAsync();
        await using var clients = new BrokerClients(broker, _output);
        string topic = TestIds.Topic();
        var publisher = await clients.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "kept".Utf8(), MqttQos.AtLeastOnce, retain: true).WaitAsync(TimeSpan.FromSeconds(10));
        int port = broker.Port;

        await broker.StopAsync();
        Assert.False(await FreeTcpPort.AcceptsConnectionsAsync(port));
        await broker.StartAsync();

        Assert.Equal(port, broker.Port);
        var subscriber = await clients.ConnectAsync("sub");
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce);
        var message = await subscriber.NextMessageAsync();
        Assert.Equal("kept", message.Text());
        Assert.True(message.Retain);
    }

    [Fact]
    public void FindBinary_Missing_TellsHowToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MosquittoBinary.Find("mosquitto-that-does-not-exist"));

        Assert.Contains("apt-get install mosquitto", error.Message);
    }
}

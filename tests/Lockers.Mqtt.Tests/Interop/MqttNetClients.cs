using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// MQTTnet 5 (an independent .NET implementation, in this process) as the other client in interop tests, speaking
/// MQTT 3.1.1 to the test broker as the test user. Every client it made is disposed with this object.
/// </summary>
internal sealed class MqttNetClients(MosquittoBroker broker) : IExternalMqttClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly MqttClientFactory _factory = new();
    private readonly List<IMqttClient> _clients = new();

    /// <summary>
    /// Options for one MQTTnet client: 3.1.1, clean session, the test user, a test-named client id, and TLS trusting only the
    /// broker's test CA when it speaks TLS (the fixture's default, as every link of the project does).
    /// </summary>
    public MqttClientOptionsBuilder Options(string testName, string role)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(TestIds.ClientId(testName, "mqttnet-" + role))
            .WithCredentials(MosquittoBrokerOptions.DefaultUser, MosquittoBrokerOptions.DefaultPassword)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (broker.Certificates is { } pki)
        {
            // The test CA has no revocation endpoint to ask.
            options.WithTlsOptions(tls => tls.UseTls().WithTargetHost("localhost").WithTrustChain([pki.CaCertificate])
                .WithRevocationMode(X509RevocationMode.NoCheck));
        }

        return options;
    }

    /// <summary>Connects a client made from <paramref name="options"/>; fails unless the broker accepted it.</summary>
    public async Task<IMqttClient> ConnectAsync(MqttClientOptions options, Func<MqttApplicationMessageReceivedEventArgs, Task>? received = null)
    {
        var client = _factory.CreateMqttClient();
        _clients.Add(client);
        if (received is not null) client.ApplicationMessageReceivedAsync += received;
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await client.ConnectAsync(options, timeout.Token);
        Assert.True(result.ResultCode == MqttClientConnectResultCode.Success, $"MQTTnet's CONNECT was refused: {result.ResultCode}");
        return client;
    }

    public async Task<IExternalSubscriber> SubscribeAsync(string topic, int qos, int count, string testName)
    {
        var subscriber = new MqttNetSubscriber();
        var client = await ConnectAsync(Options(testName, "sub").Build(), subscriber.OnReceivedAsync);
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topic, (MqttQualityOfServiceLevel)qos).Build(), timeout.Token);
        var granted = Assert.Single(result.Items).ResultCode;
        Assert.True((int)granted == qos, $"the broker granted {granted} for {topic}, asked QoS {qos}");
        return subscriber;
    }

    public async Task PublishAsync(string topic, byte[] payload, int qos, bool retain, string testName)
    {
        var client = await ConnectAsync(Options(testName, "pub").Build());
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build(), timeout.Token);
        Assert.True(result.IsSuccess, $"MQTTnet's publish failed: {result.ReasonCode}");
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>An MQTTnet client's received messages, in arrival order.</summary>
internal sealed class MqttNetSubscriber : IExternalSubscriber
{
    private readonly Channel<ReceivedMessage> _messages = System.Threading.Channels.Channel.CreateUnbounded<ReceivedMessage>();

    public Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        _messages.Writer.TryWrite(new ReceivedMessage(message.Topic, (int)message.QualityOfServiceLevel, message.Retain, message.Payload.ToArray()));
        return Task.CompletedTask;
    }

    public async Task<ReceivedMessage> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(MqttNetClients.Timeout);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"MQTTnet received no message within {MqttNetClients.Timeout.TotalSeconds} s");
        }
    }
}

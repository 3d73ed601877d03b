using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>Credentials and subscription ACLs enforced by the broker (dynamic security plugin), as the client reports them.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string LockerUser = "locker-7";
    private const string LockerPassword = "locker-7-secret";

    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public SecurityTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        // Dynamic security: the only Mosquitto 2.0 mechanism that refuses a SUBSCRIBE (acl_file only filters deliveries).
        var options = new MosquittoBrokerOptions { UseDynamicSecurity = true };
        options.DynamicSecurityAcls[LockerUser] = new List<DynamicSecurityAcl>
        {
            new("subscribePattern", $"lockers/{LockerUser}/#", Allow: true, Priority: 20),
            new("subscribePattern", "lockers/#", Allow: false),
        };
        options.Users[LockerUser] = LockerPassword;
        _broker = await MosquittoBroker.StartNewAsync(options);
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Connect_WrongPassword_ThrowsConnectExceptionWithRefusalCode()
    {
        var options = _clients.Options("bad-password");
        options.Password = "wrong";
        var (client, _) = _clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        // Mosquitto answers 5 (not authorised) for MQTT 3.1.1 bad credentials; 4 is the other legal answer.
        Assert.Contains(error.ReturnCode, new ConnectReturnCode?[] { ConnectReturnCode.BadUserNameOrPassword, ConnectReturnCode.NotAuthorized });
        Assert.Contains($"return code {(int)error.ReturnCode!}", error.Message);
        Assert.Equal(MqttClientState.Disconnected, client.State);
    }

    [Fact]
    public async Task Connect_UnknownUser_ThrowsConnectException()
    {
        var options = _clients.Options("unknown-user");
        options.UserName = "nobody";
        var (client, _) = _clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.NotNull(error.ReturnCode);
    }

    [Fact]
    public async Task Connect_NoListener_ThrowsConnectExceptionWithoutReturnCode()
    {
        var options = _clients.Options("no-listener");
        options.Port = FreeTcpPort.Find();
        var (client, _) = _clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(error.ReturnCode);
        Assert.Contains("Could not connect", error.Message);
    }

    [Fact]
    public async Task Subscribe_AclDeniedFilter_ReportsFailure0x80AndGrantsTheRest()
    {
        var locker = await _clients.ConnectAsync("locker", options =>
        {
            options.UserName = LockerUser;
            options.Password = LockerPassword;
        });

        var result = await locker.SubscribeAsync(new[]
        {
            new MqttSubscription($"lockers/{LockerUser}/commands", MqttQos.AtLeastOnce),
            new MqttSubscription("lockers/locker-8/commands", MqttQos.AtLeastOnce),
        });

        Assert.True(result.Items[0].Granted);
        Assert.Equal(SubAckPacket.Failure, result.Items[1].ReturnCode);
        Assert.False(result.AllGranted);
        var error = Assert.Throws<MqttSubscribeException>(() => result.EnsureGranted());
        Assert.Contains("lockers/locker-8/commands", error.Message);
    }
}

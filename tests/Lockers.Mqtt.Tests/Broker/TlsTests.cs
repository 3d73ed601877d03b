using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>TLS to Mosquitto with a generated CA: the right CA and name are accepted, anything else refused.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public TlsTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        var options = new MosquittoBrokerOptions { EnableTls = true };
        options.AllowedErrors.Add("OpenSSL"); // refused handshakes are logged by the broker as OpenSSL errors
        _broker = await MosquittoBroker.StartNewAsync(options);
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task ServerCertificateFromGivenCa_Connects()
    {
        string topic = TestIds.Topic();
        var client = await _clients.ConnectAsync("tls", options => UseTls(options, _broker.Certificates!.CaCertificatePath));
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce);

        await client.PublishAsync(topic, "over tls".Utf8(), MqttQos.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("over tls", (await client.NextMessageAsync()).Text());
    }

    [Fact]
    public async Task ServerCertificateFromOtherCa_IsRefused()
    {
        var options = _clients.Options("wrong-ca");
        UseTls(options, _broker.Certificates!.OtherCaCertificatePath);
        var (client, _) = _clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(error.ReturnCode);
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task SystemTrustStore_PrivateCa_IsRefused()
    {
        var options = _clients.Options("system-store");
        options.Port = _broker.TlsPort!.Value;
        options.Tls = new MqttTlsOptions();
        var (client, _) = _clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task HostNameMismatch_RefusedUnlessCheckTurnedOff(bool checkHostName, bool expectConnected)
    {
        var options = _clients.Options("name-check");
        UseTls(options, _broker.Certificates!.CaCertificatePath);
        options.Tls!.TargetHost = "some-other-broker.example";
        options.Tls.CheckHostName = checkHostName;
        var (client, _) = _clients.Create(options);

        var connect = client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (expectConnected)
        {
            await connect;
            Assert.Equal(MqttClientState.Connected, client.State);
        }
        else
        {
            var error = await Assert.ThrowsAsync<MqttConnectException>(() => connect);
            Assert.IsType<AuthenticationException>(error.InnerException);
        }
    }

    private void UseTls(MqttClientOptions options, string caPath)
    {
        options.Port = _broker.TlsPort!.Value;
        options.Tls = new MqttTlsOptions { CaCertificate = X509CertificateLoader.LoadCertificateFromFile(caPath) };
    }
}

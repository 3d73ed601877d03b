using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>TLS to Mosquitto with a generated CA (every test broker's default): the right CA and name are accepted, anything else refused.</summary>
public sealed class TlsTests(ITestOutputHelper output) : BrokerTest(output)
{
    private protected override MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions();
        options.AllowedErrors.Add("OpenSSL"); // refused handshakes are logged by the broker as OpenSSL errors
        return options;
    }

    [Fact]
    public async Task ServerCertificateFromGivenCa_Connects()
    {
        string topic = TestIds.Topic();
        var client = await Clients.ConnectAsync("tls", options => UseTls(options, Broker.Certificates!.CaCertificatePath));
        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce);

        await client.PublishAsync(topic, "over tls".Utf8(), MqttQos.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("over tls", (await client.NextMessageAsync()).Text());
    }

    [Fact]
    public async Task ServerCertificateFromOtherCa_IsRefused()
    {
        var options = Clients.Options("wrong-ca");
        UseTls(options, Broker.Certificates!.OtherCaCertificatePath);
        var (client, _) = Clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(error.ReturnCode);
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task SystemTrustStore_PrivateCa_IsRefused()
    {
        var options = Clients.Options("system-store");
        options.Port = Broker.Port;
        options.Tls = new MqttTlsOptions();
        var (client, _) = Clients.Create(options);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task HostNameMismatch_RefusedUnlessCheckTurnedOff(bool checkHostName, bool expectConnected)
    {
        var options = Clients.Options("name-check");
        UseTls(options, Broker.Certificates!.CaCertificatePath);
        options.Tls!.TargetHost = "some-other-broker.example";
        options.Tls.CheckHostName = checkHostName;
        var (client, _) = Clients.Create(options);

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
        options.Port = Broker.Port;
        options.Tls = new MqttTlsOptions { CaCertificate = X509CertificateLoader.LoadCertificateFromFile(caPath) };
    }
}

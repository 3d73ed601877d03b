using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Client;

public sealed class MqttClientOptionsTests
{
    [Fact]
    public void Validate_DefaultsWithHostAndClientId_Passes()
        => new MqttClientOptions { Host = "broker", ClientId = "locker-1" }.Validate();

    [Fact]
    public void Validate_SeveralProblems_ListsEveryOne()
    {
        var options = new MqttClientOptions
        {
            Host = "",
            Port = 0,
            CleanSession = false,
            KeepAlive = TimeSpan.FromMilliseconds(1500),
            Password = "secret",
            ReconnectMinDelay = TimeSpan.FromSeconds(10),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            OutgoingQueueCapacity = 0,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Host is required", error.Message);
        Assert.Contains("Port must be 1..65535", error.Message);
        Assert.Contains("ClientId is required when CleanSession is false", error.Message);
        Assert.Contains("KeepAlive must be whole seconds", error.Message);
        Assert.Contains("Password needs a UserName", error.Message);
        Assert.Contains("ReconnectMaxDelay", error.Message);
        Assert.Contains("OutgoingQueueCapacity must be positive", error.Message);
    }

    [Fact]
    public void Validate_WillWithQos2_IsRefused()
    {
        var options = new MqttClientOptions { Host = "broker", ClientId = "c", Will = new MqttWill("status", new byte[1], MqttQos.ExactlyOnce, true) };

        Assert.Contains("Will QoS 2", Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
        => Assert.Throws<ArgumentException>(() => new MqttClient(new MqttClientOptions()));
}

using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// The fixture's default security (password file + acl_file with %u patterns): Mosquitto 2.0 grants every
/// SUBSCRIBE but delivers only what the ACL lets the user read.
/// </summary>
public sealed class AclFileTests(ITestOutputHelper output) : BrokerTest(output)
{
    private protected override MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions
        {
            AclLines = new List<string> { $"user {MosquittoBrokerOptions.DefaultUser}", "topic readwrite #", "", "pattern readwrite lockers/%u/#" },
        };
        options.Users["locker-7"] = "secret-7";
        return options;
    }

    [Fact]
    public async Task AclPattern_OtherLockersTopic_IsNotDelivered()
    {
        var locker = await Clients.ConnectAsync("locker", options =>
        {
            options.UserName = "locker-7";
            options.Password = "secret-7";
        });
        var gateway = await Clients.ConnectAsync("gateway");
        await locker.SubscribeAsync("lockers/#", MqttQos.AtLeastOnce);

        await gateway.PublishAsync("lockers/locker-8/commands", "not yours".Utf8(), MqttQos.AtLeastOnce);
        await gateway.PublishAsync("lockers/locker-7/commands", "yours".Utf8(), MqttQos.AtLeastOnce);

        var message = await locker.NextMessageAsync();
        Assert.Equal("lockers/locker-7/commands", message.Topic);
        Assert.Equal("yours", message.Text());
    }
}

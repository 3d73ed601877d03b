using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Our client and MQTT.js (an independent implementation) exchange messages both ways through a real Mosquitto.
/// Needs node and tests/interop/node_modules: `./lockers test` installs them; without them these tests fail.
/// </summary>
public sealed class MqttJsInteropTests(ITestOutputHelper output) : InteropTests(output)
{
    private protected override IExternalMqttClients CreateTheirs(MosquittoBroker broker) => new MqttJsClients(broker);
}

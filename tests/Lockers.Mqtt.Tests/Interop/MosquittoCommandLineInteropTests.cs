using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Our client and Mosquitto's own command-line clients (mosquitto_pub, mosquitto_sub: libmosquitto, C) exchange messages
/// both ways through a real Mosquitto: the same commands docs/protocol.md tells operators to replay.
/// </summary>
public sealed class MosquittoCommandLineInteropTests(ITestOutputHelper output) : InteropTests(output)
{
    private protected override IExternalMqttClients CreateTheirs(MosquittoBroker broker) => new MosquittoCommandLineClients(broker);
}

namespace Lockers.Mqtt.Packets;

/// <summary>
/// The bytes on the wire break MQTT 3.1.1. The connection that carried them must be closed
/// (spec 4.8: "the receiver MUST close the Network Connection").
/// </summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException(string message) : base(message) { }
}

namespace Lockers.Mqtt.Client;

/// <summary>
/// The operation needs a live connection (subscribe, unsubscribe) and there is none, or the connection was
/// lost before the broker answered. Subscriptions that were granted survive reconnects; one that failed this
/// way may or may not have reached the broker, so retry it after reconnecting.
/// </summary>
public sealed class MqttClientNotConnectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttClientNotConnectedException(string message, Exception? inner = null)
        : base(message, inner) { }
}

namespace Lockers.Mqtt.Client;

/// <summary>Where an <see cref="MqttClient"/> is in its life.</summary>
public enum MqttClientState
{
    /// <summary>Not connected and not trying to be (initial state, after DisconnectAsync, or when reconnecting is off).</summary>
    Disconnected,

    /// <summary>ConnectAsync is opening the first connection.</summary>
    Connecting,

    /// <summary>CONNACK accepted; session restored (resubscribed, unacknowledged publishes resent).</summary>
    Connected,

    /// <summary>The connection was lost; the client is waiting out a backoff delay or trying again.</summary>
    Reconnecting,
}

/// <summary>A state change with its reason, raised by <see cref="MqttClient.StateChanged"/>.</summary>
/// <param name="State">The new state.</param>
/// <param name="Reason">Why, in words fit for a log (e.g. "keep-alive timeout: no packet from the broker for 45 s").</param>
/// <param name="Exception">The error behind the change, if any.</param>
public sealed record MqttClientStateChangedEventArgs(MqttClientState State, string Reason, Exception? Exception = null);

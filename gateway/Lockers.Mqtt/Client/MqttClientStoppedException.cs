namespace Lockers.Mqtt.Client;

/// <summary>
/// The application stopped the client (DisconnectAsync, AbortAsync or DisposeAsync) while this publish was
/// still queued or waiting for its PUBACK: it may or may not have reached the broker.
/// </summary>
public sealed class MqttClientStoppedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttClientStoppedException(string message)
        : base(message) { }
}

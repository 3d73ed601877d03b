using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Connecting failed: the broker refused the CONNECT (<see cref="ReturnCode"/> says why), or no CONNACK came
/// (network error, TLS failure, timeout: <see cref="ReturnCode"/> is null and the cause is the inner exception).
/// </summary>
public sealed class MqttConnectException : Exception
{
    /// <summary>A refusal by the broker.</summary>
    public MqttConnectException(ConnectReturnCode returnCode)
        : base(Describe(returnCode)) => ReturnCode = returnCode;

    /// <summary>A failure before any CONNACK.</summary>
    public MqttConnectException(string message, Exception? inner)
        : base(message, inner) { }

    /// <summary>The broker's CONNACK return code, or null when none was received.</summary>
    public ConnectReturnCode? ReturnCode { get; }

    /// <summary>A sentence explaining a CONNACK return code.</summary>
    public static string Describe(ConnectReturnCode code) => code switch
    {
        ConnectReturnCode.UnacceptableProtocolVersion => "the broker does not accept MQTT 3.1.1 (return code 1)",
        ConnectReturnCode.IdentifierRejected => "the broker rejected the client identifier (return code 2)",
        ConnectReturnCode.ServerUnavailable => "the broker is unavailable (return code 3)",
        ConnectReturnCode.BadUserNameOrPassword => "the broker refused the user name or password (return code 4)",
        ConnectReturnCode.NotAuthorized => "the broker refused the client: not authorised (return code 5)",
        _ => $"the broker refused the connection (return code {(byte)code})",
    };
}

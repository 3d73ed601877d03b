using System.Text;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Everything an <see cref="MqttClient"/> needs. Set the properties, then hand the object to the client,
/// which validates it (<see cref="Validate"/>) and reads it from then on: do not change it afterwards.
/// </summary>
public sealed class MqttClientOptions
{
    /// <summary>Broker host name or IP address. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker TCP port. Default 1883 (use 8883 with <see cref="Tls"/> by convention).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Client identifier, unique per broker. Required unless <see cref="CleanSession"/> is true.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// True (default): the broker forgets the session on disconnect. False: the broker keeps the client's
    /// subscriptions and queues its QoS 1 messages while it is offline.
    /// </summary>
    public bool CleanSession { get; set; } = true;

    /// <summary>
    /// Keep-alive period, whole seconds, 0 to 65,535 s; zero turns keep-alive off. Default 30 s.
    /// A dead connection is detected within 1.5 x this period.
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>User name, or null for none.</summary>
    public string? UserName { get; set; }

    /// <summary>Password (sent UTF-8 encoded), or null for none. Needs a <see cref="UserName"/> (MQTT 3.1.1 rule).</summary>
    public string? Password { get; set; }

    /// <summary>Last will the broker publishes when this client vanishes without DISCONNECT. Null for none.</summary>
    public MqttWill? Will { get; set; }

    /// <summary>TLS settings; null (default) connects over plain TCP.</summary>
    public MqttTlsOptions? Tls { get; set; }

    /// <summary>Largest packet accepted from the broker, in bytes, fixed header included. Default 1 MiB.
    /// A larger packet closes the connection (it is never buffered).</summary>
    public int MaxIncomingPacketSize { get; set; } = 1024 * 1024;

    /// <summary>How many publishes may wait to be written (while disconnected, or behind the in-flight limit). Default 1,000.</summary>
    public int OutgoingQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// When the outgoing queue is full: false (default) makes PublishAsync throw <see cref="MqttQueueFullException"/>
    /// at once; true makes it wait for room (until its cancellation token fires).
    /// </summary>
    public bool WaitWhenOutgoingQueueFull { get; set; }

    /// <summary>Most QoS 1 publishes sent and not yet acknowledged at a time. Default 64.</summary>
    public int MaxInflightPublishes { get; set; } = 64;

    /// <summary>
    /// Capacity of the received-message queue the application reads (<see cref="MqttClient.Messages"/>). Default 1,000.
    /// With <see cref="ManualAcknowledgement"/> it also bounds the QoS 1 messages the application holds unacknowledged:
    /// a message keeps its place from entering the queue until it is acknowledged.
    /// </summary>
    public int InboundQueueCapacity { get; set; } = 1000;

    /// <summary>
    /// False (default): a received QoS 1 message is acknowledged (PUBACK) as soon as it is in the received-message
    /// queue, so a crash after that loses it. True: it is acknowledged only when the application calls
    /// <see cref="MqttClient.AcknowledgeAsync"/> for it, after processing it safely ("commit, then acknowledge");
    /// PUBACKs still go out in arrival order (MQTT 3.1.1, 4.6), so a message never acknowledged holds back the PUBACKs
    /// of every later one, and once <see cref="InboundQueueCapacity"/> messages are unacknowledged no more are delivered.
    /// Acknowledge every QoS 1 message you read. With <see cref="CleanSession"/> false, a message not acknowledged when
    /// the connection ends is redelivered by the broker (with DUP) after the reconnect.
    /// </summary>
    public bool ManualAcknowledgement { get; set; }

    /// <summary>Whether to reconnect after a lost connection. Default true.</summary>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Shortest wait before a reconnect attempt. Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a reconnect attempt (the backoff cap). Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Share of each backoff delay that is randomised, 0 to 1. Default 1 (full jitter: uniform between
    /// <see cref="ReconnectMinDelay"/> and the exponential cap), so a fleet does not reconnect in lock-step.
    /// </summary>
    public double ReconnectJitter { get; set; } = 1.0;

    /// <summary>Time allowed for TCP connect, TLS handshake and CONNACK together. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for keep-alive, backoff and timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        Check(problems, !string.IsNullOrWhiteSpace(Host), "Host is required");
        Check(problems, Port is > 0 and <= 65535, $"Port must be 1..65535 (was {Port})");
        Check(problems, ClientId.Length > 0 || CleanSession, "ClientId is required when CleanSession is false (MQTT 3.1.1, 3.1.3.1)");
        Check(problems, Encoding.UTF8.GetByteCount(ClientId) <= ushort.MaxValue, "ClientId is longer than 65,535 UTF-8 bytes");
        Check(problems, KeepAlive >= TimeSpan.Zero && KeepAlive.TotalSeconds <= ushort.MaxValue && KeepAlive.Ticks % TimeSpan.TicksPerSecond == 0,
            $"KeepAlive must be whole seconds between 0 and 65535 (was {KeepAlive})");
        Check(problems, Password is null || UserName is not null, "Password needs a UserName (MQTT 3.1.1, 3.1.2.9)");
        Check(problems, MaxIncomingPacketSize is >= 64 and <= MqttPacketCodec.MaxRemainingLength + 5,
            $"MaxIncomingPacketSize must be 64..{MqttPacketCodec.MaxRemainingLength + 5} bytes (was {MaxIncomingPacketSize})");
        Check(problems, OutgoingQueueCapacity > 0, $"OutgoingQueueCapacity must be positive (was {OutgoingQueueCapacity})");
        Check(problems, MaxInflightPublishes is > 0 and < ushort.MaxValue, $"MaxInflightPublishes must be 1..65534 (was {MaxInflightPublishes})");
        Check(problems, InboundQueueCapacity > 0, $"InboundQueueCapacity must be positive (was {InboundQueueCapacity})");
        Check(problems, ReconnectMinDelay > TimeSpan.Zero, $"ReconnectMinDelay must be positive (was {ReconnectMinDelay})");
        Check(problems, ReconnectMaxDelay >= ReconnectMinDelay, $"ReconnectMaxDelay ({ReconnectMaxDelay}) must be at least ReconnectMinDelay ({ReconnectMinDelay})");
        Check(problems, ReconnectJitter is >= 0 and <= 1, $"ReconnectJitter must be between 0 and 1 (was {ReconnectJitter})");
        Check(problems, ConnectTimeout > TimeSpan.Zero, $"ConnectTimeout must be positive (was {ConnectTimeout})");
        if (Will is not null)
        {
            Check(problems, Will.Qos != MqttQos.ExactlyOnce, "Will QoS 2 is not supported by this client");
            Check(problems, MqttTopic.IsValidTopicName(Will.Topic), $"Will topic '{Will.Topic}' is not a valid topic name");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid MQTT client options: " + string.Join("; ", problems) + ".");
        }
    }

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}

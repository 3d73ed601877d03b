using System.Threading.Channels;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Client;

/// <summary>
/// An in-process broker at the packet level for unit tests: it hands out one <see cref="FakeBrokerConnection"/> per
/// client connection attempt and answers like a broker would, as far as the test allows.
/// </summary>
internal sealed class FakeBroker
{
    private readonly Channel<FakeBrokerConnection> _newConnections = System.Threading.Channels.Channel.CreateUnbounded<FakeBrokerConnection>();

    /// <summary>The CONNACK for each CONNECT. Default: accepted, no session present.</summary>
    public Func<ConnectPacket, ConnAckPacket> AnswerConnect { get; set; } = _ => new ConnAckPacket(false, ConnectReturnCode.Accepted);

    /// <summary>False: CONNECT gets no answer at all (a broker that accepted TCP and hung).</summary>
    public bool AnswerConnects { get; set; } = true;

    public bool AnswerPings { get; set; } = true;

    public bool AcknowledgePublishes { get; set; } = true;

    /// <summary>
    /// When set, the next write that starts with a PUBLISH delivers only this many bytes, then the connection breaks and
    /// the write throws (a link lost in the middle of a write). One-shot: later writes and connections work.
    /// </summary>
    public int? BreakNextPublishWriteAfterBytes { get; set; }

    public List<FakeBrokerConnection> Connections { get; } = new();

    /// <summary>The channel factory to give the client.</summary>
    public IMqttChannel CreateChannel(MqttClientOptions options)
    {
        var connection = new FakeBrokerConnection(this);
        lock (Connections)
        {
            Connections.Add(connection);
        }

        _newConnections.Writer.TryWrite(connection);
        return connection;
    }

    /// <summary>The next connection the client opens.</summary>
    public async Task<FakeBrokerConnection> NextConnectionAsync(TimeSpan? timeout = null)
        => await _newConnections.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public int ConnectionCount
    {
        get
        {
            lock (Connections)
            {
                return Connections.Count;
            }
        }
    }
}

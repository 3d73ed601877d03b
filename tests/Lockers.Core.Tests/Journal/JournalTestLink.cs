using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Journal;

/// <summary>
/// An <see cref="IMqttLink"/> that records publishes and hands out message ids 1, 2, 3...; it is
/// disconnected when <see cref="IsConnected"/> is false (Publish returns -1), and can acknowledge
/// synchronously from inside Publish like a very fast broker.
/// </summary>
internal sealed class JournalTestLink : IMqttLink
{
    private int _nextId = 1;

    public bool IsConnected { get; set; } = true;

    /// <summary>When set, Publish raises PublishAcked for its own id before returning.</summary>
    public bool AckInsidePublish { get; set; }

    public List<(int Id, string Topic, byte[] Payload, int Qos, bool Retain)> Published { get; } = new();

    // The journal never receives messages or watches the state: these events are never raised.
    public event MqttMessageHandler? MessageReceived
    {
        add { }
        remove { }
    }

    public event MqttPublishAckedHandler? PublishAcked;

    public event MqttLinkStateHandler? StateChanged
    {
        add { }
        remove { }
    }

    public int Publish(string topic, byte[] payload, int qos, bool retain)
    {
        if (!IsConnected)
        {
            return -1;
        }

        int id = _nextId++;
        Published.Add((id, topic, payload, qos, retain));
        if (AckInsidePublish)
        {
            PublishAcked?.Invoke(id);
        }

        return id;
    }

    public bool Subscribe(string topicFilter, int qos) => IsConnected;

    /// <summary>Passes a PUBACK for every publish not yet acknowledged to <paramref name="journal"/>, as a broker would.</summary>
    public void AckAllTo(Lockers.Core.Journal.EventJournal journal)
    {
        for (; _acked < Published.Count; _acked++)
        {
            journal.Acknowledge(Published[_acked].Id);
        }
    }

    private int _acked;

    /// <summary>Seqs of the published events, in publish order.</summary>
    public long[] PublishedSeqs() =>
        Published.Select(p => Lockers.Core.Protocol.LockerEvent.Parse(p.Payload).Seq).ToArray();
}

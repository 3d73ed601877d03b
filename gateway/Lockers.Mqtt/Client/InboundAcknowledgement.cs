namespace Lockers.Mqtt.Client;

/// <summary>
/// What acknowledging one received message takes: the dispatcher that received it, the connection generation it
/// arrived on (a PUBACK means nothing on a later connection) and its place in that connection's PUBACK order.
/// Shared by copies of the message, so the application's acknowledgement is taken once.
/// </summary>
internal sealed class InboundAcknowledgement
{
    private int _taken;

    /// <param name="owner">The dispatcher that received the message.</param>
    /// <param name="generation">The connection generation it arrived on.</param>
    /// <param name="delivery">Its number in that connection's <see cref="AcknowledgementSequencer"/>; -1 for QoS 0.</param>
    /// <param name="byApplication">True when the application must acknowledge it (manual mode, QoS 1).</param>
    public InboundAcknowledgement(InboundDispatcher owner, long generation, long delivery, bool byApplication)
    {
        Owner = owner;
        Generation = generation;
        Delivery = delivery;
        _taken = byApplication ? 0 : 1;
    }

    public InboundDispatcher Owner { get; }

    public long Generation { get; }

    public long Delivery { get; }

    /// <summary>True the first time the application acknowledges a message that awaits it; false after that, and always for messages that need no acknowledgement from it.</summary>
    public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;
}

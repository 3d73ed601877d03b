using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// SUBSCRIBE and UNSUBSCRIBE requests waiting for their SUBACK / UNSUBACK, by packet id. Requests do not
/// survive a lost connection: they fail with <see cref="MqttClientNotConnectedException"/>. Thread-safe.
/// </summary>
internal sealed class PendingRequests
{
    private readonly object _gate = new();
    private readonly Dictionary<ushort, TaskCompletionSource<MqttPacket>> _waiting = new();

    /// <summary>Starts waiting for the answer to request <paramref name="packetId"/>.</summary>
    public Task<MqttPacket> Register(ushort packetId)
    {
        var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add(packetId, completion);
        }

        return completion.Task;
    }

    /// <summary>Stops waiting (after an answer, or when the caller gave up).</summary>
    public void Remove(ushort packetId)
    {
        lock (_gate)
        {
            _waiting.Remove(packetId);
        }
    }

    /// <summary>Delivers an answer. False when nobody waits for that id.</summary>
    public bool TryComplete(ushort packetId, MqttPacket answer)
    {
        TaskCompletionSource<MqttPacket>? completion;
        lock (_gate)
        {
            _waiting.Remove(packetId, out completion);
        }

        return completion?.TrySetResult(answer) ?? false;
    }

    /// <summary>Fails one waiting request. False when nobody waits for that id.</summary>
    public bool TryFail(ushort packetId, Exception error)
    {
        TaskCompletionSource<MqttPacket>? completion;
        lock (_gate)
        {
            _waiting.Remove(packetId, out completion);
        }

        return completion?.TrySetException(error) ?? false;
    }

    /// <summary>Fails every waiting request.</summary>
    public void FailAll(Exception error)
    {
        List<TaskCompletionSource<MqttPacket>> all;
        lock (_gate)
        {
            all = _waiting.Values.ToList();
            _waiting.Clear();
        }

        foreach (var completion in all)
        {
            completion.TrySetException(error);
        }
    }
}

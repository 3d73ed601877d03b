using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>
    /// Publishes a message. The payload is copied. The message joins the outgoing queue (even while disconnected
    /// or before ConnectAsync); QoS 0 completes once written to the socket, QoS 1 once the broker's PUBACK arrives
    /// (it is resent with DUP=1 after reconnects until then). Throws <see cref="ArgumentException"/> for QoS 2 or an
    /// invalid topic, <see cref="MqttQueueFullException"/> when the queue is full (unless configured to wait), and
    /// fails with <see cref="MqttClientStoppedException"/> if the client is stopped first. Cancelling stops the wait,
    /// not the delivery of a message already queued.
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtMostOnce,
        bool retain = false, CancellationToken cancellationToken = default)
    {
        if (qos == MqttQos.ExactlyOnce)
        {
            throw new ArgumentException("QoS 2 (exactly once) is not supported by this client; use QoS 0 or 1.", nameof(qos));
        }

        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS must be 0 or 1.");
        }

        MqttTopic.ValidateTopicName(topic);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var packet = new PublishPacket(topic, payload.ToArray(), qos, retain);
        await _outgoing.EnqueueAsync(new OutgoingPublish(packet, completion), cancellationToken).ConfigureAwait(false);
        await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Subscribes to one topic filter. See <see cref="SubscribeAsync(IReadOnlyList{MqttSubscription}, CancellationToken)"/>.</summary>
    public Task<MqttSubscribeResult> SubscribeAsync(string topicFilter, MqttQos qos = MqttQos.AtLeastOnce, CancellationToken cancellationToken = default)
        => SubscribeAsync(new[] { new MqttSubscription(topicFilter, qos) }, cancellationToken);

    /// <summary>
    /// Subscribes and returns the broker's verdict per filter; a refusal (0x80) is in the result, not thrown
    /// (<see cref="MqttSubscribeResult.EnsureGranted"/> throws if you prefer). Granted filters are restored after
    /// reconnects. Needs a live connection: throws <see cref="MqttClientNotConnectedException"/> otherwise or if the
    /// connection drops before the SUBACK. QoS 2 is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<MqttSubscribeResult> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (subscriptions.Count == 0)
        {
            throw new ArgumentException("At least one subscription is required.", nameof(subscriptions));
        }

        foreach (var subscription in subscriptions)
        {
            MqttTopic.ValidateTopicFilter(subscription.TopicFilter);
            if (subscription.Qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
            {
                throw new ArgumentException($"QoS {(int)subscription.Qos} is not supported for '{subscription.TopicFilter}'; use QoS 0 or 1.", nameof(subscriptions));
            }
        }

        var answer = await RequestAsync(id => new SubscribePacket(id, subscriptions.ToList()), cancellationToken).ConfigureAwait(false);
        var result = ToResult(subscriptions, answer);
        foreach (var item in result.Items)
        {
            if (item.Granted)
            {
                _subscriptions.Add(item.TopicFilter, item.RequestedQos);
            }
            else
            {
                _subscriptions.Remove(item.TopicFilter);
            }
        }

        return result;
    }

    /// <summary>
    /// Unsubscribes. The filters stop being restored after reconnects at once, even if the broker never answers.
    /// Needs a live connection (<see cref="MqttClientNotConnectedException"/> otherwise).
    /// </summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        if (topicFilters.Count == 0)
        {
            throw new ArgumentException("At least one topic filter is required.", nameof(topicFilters));
        }

        foreach (var filter in topicFilters)
        {
            MqttTopic.ValidateTopicFilter(filter);
            _subscriptions.Remove(filter);
        }

        await RequestAsync(id => new UnsubscribePacket(id, topicFilters.ToList()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsubscribes from one topic filter.</summary>
    public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default)
        => UnsubscribeAsync(new[] { topicFilter }, cancellationToken);

    /// <summary>Sends a request carrying a fresh packet id on the live connection and waits for the answer with that id.</summary>
    private async Task<MqttPacket> RequestAsync(Func<ushort, MqttPacket> build, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _connection is { IsClosing: false } live
            ? live
            : throw new MqttClientNotConnectedException("The MQTT client is not connected (subscriptions already granted are restored automatically after a reconnect).");
        return await RequestOnAsync(connection, build, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MqttPacket> RequestOnAsync(MqttConnection connection, Func<ushort, MqttPacket> build, CancellationToken cancellationToken)
    {
        ushort id = _packetIds.Allocate();
        var answer = _pendingRequests.Register(id);
        try
        {
            await connection.SendAsync(build(id), cancellationToken).ConfigureAwait(false);
            using var lost = connection.ClosingToken.Register(() => _pendingRequests.TryFail(id,
                new MqttClientNotConnectedException("The connection was lost before the broker answered.")));
            return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pendingRequests.Remove(id);
            _packetIds.Release(id);
        }
    }

    private static MqttSubscribeResult ToResult(IReadOnlyList<MqttSubscription> requested, MqttPacket answer)
    {
        if (answer is not SubAckPacket subAck || subAck.ReturnCodes.Count != requested.Count)
        {
            throw new MqttProtocolException($"The broker answered a SUBSCRIBE of {requested.Count} filters with {answer}.");
        }

        return new MqttSubscribeResult(requested
            .Select((subscription, index) => new MqttSubscriptionResult(subscription.TopicFilter, subscription.Qos, subAck.ReturnCodes[index]))
            .ToList());
    }
}

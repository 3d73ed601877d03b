using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// The broker's answer to one SUBSCRIBE. A refused filter (return code 0x80, e.g. denied by the ACL) is
/// reported here, not thrown: check <see cref="AllGranted"/> or each item, or call <see cref="EnsureGranted"/>.
/// </summary>
/// <param name="Items">One entry per requested filter, in request order.</param>
public sealed record MqttSubscribeResult(IReadOnlyList<MqttSubscriptionResult> Items)
{
    /// <summary>True when the broker granted every filter.</summary>
    public bool AllGranted => Items.All(item => item.Granted);

    /// <summary>Throws <see cref="MqttSubscribeException"/> when any filter was refused; returns this otherwise.</summary>
    public MqttSubscribeResult EnsureGranted() => AllGranted ? this : throw new MqttSubscribeException(this);
}

/// <summary>The outcome for one topic filter.</summary>
/// <param name="TopicFilter">The filter as requested.</param>
/// <param name="RequestedQos">The maximum QoS asked for.</param>
/// <param name="ReturnCode">The SUBACK return code: the granted QoS (0, 1) or 0x80 for failure.</param>
public sealed record MqttSubscriptionResult(string TopicFilter, MqttQos RequestedQos, byte ReturnCode)
{
    /// <summary>True unless the broker refused the filter.</summary>
    public bool Granted => ReturnCode != SubAckPacket.Failure;

    /// <summary>The granted QoS, or null when refused.</summary>
    public MqttQos? GrantedQos => Granted ? (MqttQos)ReturnCode : null;
}

/// <summary>Thrown by <see cref="MqttSubscribeResult.EnsureGranted"/> when the broker refused one or more filters.</summary>
public sealed class MqttSubscribeException : Exception
{
    /// <summary>Creates the exception from the refused result.</summary>
    public MqttSubscribeException(MqttSubscribeResult result)
        : base("The broker refused the subscription to " +
               string.Join(", ", result.Items.Where(i => !i.Granted).Select(i => $"'{i.TopicFilter}'")) + " (return code 0x80).")
        => Result = result;

    /// <summary>The full result, granted items included.</summary>
    public MqttSubscribeResult Result { get; }
}

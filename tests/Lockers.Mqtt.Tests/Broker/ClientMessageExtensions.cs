using System.Text;
using Lockers.Mqtt.Client;

namespace Lockers.Mqtt.Tests.Broker;

internal static class ClientMessageExtensions
{
    /// <summary>The next received message, or a <see cref="TimeoutException"/>.</summary>
    public static async Task<MqttApplicationMessage> NextMessageAsync(this MqttClient client, TimeSpan? timeout = null)
        => await client.Messages.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>True when no message arrives within <paramref name="quiet"/>.</summary>
    public static async Task<bool> NoMessageWithinAsync(this MqttClient client, TimeSpan quiet)
    {
        try
        {
            await client.Messages.WaitToReadAsync().AsTask().WaitAsync(quiet);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    public static string Text(this MqttApplicationMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static byte[] Utf8(this string text) => Encoding.UTF8.GetBytes(text);
}

namespace Lockers.Mqtt.Channel;

/// <summary>
/// A byte stream to a broker: the transport under the MQTT packets (TCP, TLS over TCP, or an
/// in-memory fake in tests). One reader and one writer may use it concurrently; it is not reusable
/// after <see cref="Abort"/> or disposal.
/// </summary>
public interface IMqttChannel : IAsyncDisposable
{
    /// <summary>A short human description of the remote end, for logs (e.g. "tls://broker:8883").</summary>
    string Endpoint { get; }

    /// <summary>Opens the connection (and completes the TLS handshake when there is one).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Reads available bytes into <paramref name="buffer"/>; returns 0 when the remote end closed.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the connection at once, without any goodbye. Pending reads and writes fail or return 0.
    /// Safe to call more than once and from any thread.
    /// </summary>
    void Abort();
}

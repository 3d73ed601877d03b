using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Mqtt.Channel;

/// <summary>
/// TLS over TCP to a broker (SslStream). The server certificate is validated as
/// <see cref="MqttTlsOptions"/> describes; a failed validation fails <see cref="ConnectAsync"/>
/// with an <see cref="System.Security.Authentication.AuthenticationException"/>.
/// </summary>
public sealed class TlsMqttChannel : IMqttChannel
{
    private readonly TcpMqttChannel _tcp;
    private readonly string _host;
    private readonly int _port;
    private readonly MqttTlsOptions _options;
    private SslStream? _ssl;

    /// <summary>Creates an unconnected TLS channel.</summary>
    public TlsMqttChannel(string host, int port, MqttTlsOptions options)
    {
        _tcp = new TcpMqttChannel(host, port);
        _host = host;
        _port = port;
        _options = options;
    }

    /// <inheritdoc />
    public string Endpoint => $"tls://{_host}:{_port}";

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _tcp.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var ssl = new SslStream(new NetworkStream(_tcp.Socket, ownsSocket: false), leaveInnerStreamOpen: false);
        _ssl = ssl;
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = _options.TargetHost ?? _host,
            EnabledSslProtocols = _options.Protocols,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                TlsCertificateValidator.Validate(_options, certificate, chain, errors),
        };
        if (_options.ClientCertificate is { } clientCertificate)
        {
            authentication.ClientCertificates = new X509CertificateCollection { clientCertificate };
        }

        await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => Stream.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        => Stream.WriteAsync(data, cancellationToken);

    /// <inheritdoc />
    public void Abort() => _tcp.Abort();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ssl is not null)
        {
            await _ssl.DisposeAsync().ConfigureAwait(false);
        }

        await _tcp.DisposeAsync().ConfigureAwait(false);
    }

    private SslStream Stream => _ssl ?? throw new InvalidOperationException("The TLS channel is not connected.");
}

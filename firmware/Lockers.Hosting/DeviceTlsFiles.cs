using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Config;
using Lockers.Mqtt.Channel;

namespace Lockers.Hosting;

/// <summary>
/// The TLS settings a device config asks for, read from the files it names (<c>broker.caFile</c>, <c>certFile</c>,
/// <c>keyFile</c>), which lie in the config's own folder, as they lie on <c>I:\</c> beside locker.json on the device.
/// Both .NET hosts (the simulator and the Linux controller) read them here, so a provisioned folder works in either.
/// </summary>
public static class DeviceTlsFiles
{
    /// <summary>
    /// Null for a plain connection; otherwise the CA (or the system store when none is named) and the client certificate
    /// with its key (the locker's broker identity, ADR 0203).
    /// </summary>
    /// <exception cref="DeviceTlsFileException">A named file cannot be read or is not what it should be; names the file.</exception>
    public static MqttTlsOptions? Load(BrokerSettings broker, string? configDirectory)
    {
        if (!broker.Tls)
        {
            return null;
        }

        if (configDirectory is null && (broker.CaFile.Length > 0 || broker.HasClientCertificate))
        {
            throw new InvalidOperationException("the device config names TLS files, but no config folder was given to find them in");
        }

        return new MqttTlsOptions
        {
            CaCertificate = broker.CaFile.Length > 0 ? LoadCertificate(Path.Combine(configDirectory!, broker.CaFile)) : null,
            ClientCertificate = broker.HasClientCertificate
                ? LoadClientCertificate(Path.Combine(configDirectory!, broker.CertFile), Path.Combine(configDirectory!, broker.KeyFile))
                : null,
        };
    }

    private static X509Certificate2 LoadCertificate(string path)
    {
        var pem = Read(path);
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            throw new DeviceTlsFileException(path, "not a PEM certificate: " + error.Message, error);
        }
    }

    // The certificate is parsed alone first, so a refusal names the file at fault: a broken certificate, or a key that is
    // missing, unreadable or another certificate's.
    private static X509Certificate2 LoadClientCertificate(string certificatePath, string keyPath)
    {
        LoadCertificate(certificatePath).Dispose();
        var certificatePem = Read(certificatePath);
        var keyPem = Read(keyPath);
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            throw new DeviceTlsFileException(keyPath,
                $"not the PEM private key of {Path.GetFileName(certificatePath)}: " + error.Message, error);
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DeviceTlsFileException(path, "cannot be read: " + error.Message, error);
        }
    }
}

using System.Diagnostics;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// A throw-away PKI made with openssl: a CA, a server certificate it signed (CN localhost, SAN DNS:localhost and
/// IP:127.0.0.1, serverAuth), a client certificate it signed, and an unrelated second CA for "wrong CA" tests. Files are PEM, in <see cref="Directory"/>.
/// </summary>
public sealed class TestCertificates
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaCertificatePath => Path.Combine(Directory, "ca.crt");

    public string ServerCertificatePath => Path.Combine(Directory, "server.crt");

    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    /// <summary>A client certificate (CN lockers-test-client, clientAuth) signed by the CA, for mutual TLS.</summary>
    public string ClientCertificatePath => Path.Combine(Directory, "client.crt");

    public string ClientKeyPath => Path.Combine(Directory, "client.key");

    /// <summary>A CA that signed nothing here: a client trusting only it must refuse the server.</summary>
    public string OtherCaCertificatePath => Path.Combine(Directory, "other-ca.crt");

    /// <summary>Generates the files into <paramref name="directory"/> (created if missing).</summary>
    public static async Task<TestCertificates> CreateAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var pki = new TestCertificates(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "server.ext"),
            "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        await MakeCaAsync(directory, "ca", "Lockers Test CA");
        await MakeCaAsync(directory, "other-ca", "Lockers Other CA");
        await OpenSslAsync(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        await OpenSslAsync(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        await File.WriteAllTextAsync(Path.Combine(directory, "client.ext"), "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n");
        await OpenSslAsync(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=lockers-test-client");
        await OpenSslAsync(directory, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "client.crt", "-days", "2", "-extfile", "client.ext");
        return pki;
    }

    private static Task MakeCaAsync(string directory, string name, string commonName) => OpenSslAsync(directory,
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key", "-out", name + ".crt", "-days", "2",
        "-subj", "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    private static async Task OpenSslAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }
    }
}

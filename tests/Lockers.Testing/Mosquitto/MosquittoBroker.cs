using Lockers.Mqtt.Channel;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// A real Mosquitto broker for one test or test class, on a free 127.0.0.1 port, with its own generated
/// configuration, users, ACL, persistence directory and log. It can be stopped, killed (SIGKILL) and started
/// again on the same port and persistence. Disposing stops it, deletes its files, and throws if the broker
/// logged an error line the test did not allow (<see cref="MosquittoBrokerOptions.AllowedErrors"/>).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly MosquittoProcess _process;
    private bool _paused;

    private MosquittoBroker(string directory, string configPath, int port, TestCertificates? pki, MosquittoBrokerOptions options)
    {
        _process = new MosquittoProcess(directory, configPath);
        Port = port;
        Certificates = pki;
        Options = options;
    }

    /// <summary>Always 127.0.0.1.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The listener's port: TLS unless <see cref="MosquittoBrokerOptions.Tls"/> was turned off.</summary>
    public int Port { get; }

    /// <summary>True when the listener speaks TLS.</summary>
    public bool IsTls => Certificates is not null;

    /// <summary>The generated PKI, when TLS is on.</summary>
    public TestCertificates? Certificates { get; }

    /// <summary>
    /// TLS settings for a client of this broker: the test CA, and with <see cref="MosquittoBrokerOptions.RequireClientCertificate"/>
    /// a client certificate for <paramref name="identity"/> (default: the default user). Null when the broker speaks plain TCP.
    /// </summary>
    public MqttTlsOptions? ClientTls(string? identity = null)
    {
        if (Certificates is not { } pki)
        {
            return null;
        }

        return new MqttTlsOptions
        {
            CaCertificate = pki.CaCertificate,
            ClientCertificate = Options.RequireClientCertificate ? pki.ClientCertificate(identity ?? MosquittoBrokerOptions.DefaultUser) : null,
        };
    }

    /// <summary>Asks the broker to reread its configuration files (SIGHUP): password file, ACL, and the TLS revocation list.</summary>
    public void Reload() => _process.Signal(MosquittoProcess.SigHup);

    /// <summary>The broker's working directory (configuration, data, log).</summary>
    public string Directory => _process.Directory;

    public MosquittoBrokerOptions Options { get; }

    /// <summary>The broker's process id while it runs.</summary>
    public int? ProcessId => _process.ProcessId;

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => _process.IsRunning;

    /// <summary>Everything the broker logged so far, plus anything it printed on stdout/stderr.</summary>
    public string Log => _process.Log;

    /// <summary>Creates the configuration and starts a broker; returns once it accepts TCP connections.</summary>
    public static async Task<MosquittoBroker> StartNewAsync(MosquittoBrokerOptions? options = null)
    {
        options ??= new MosquittoBrokerOptions();
        string directory = Path.Combine(Path.GetTempPath(), "lockers-mosquitto-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var pki = options.Tls ? await TestCertificates.CreateAsync(Path.Combine(directory, "pki")) : null;
        int port = FreeTcpPort.Find();
        string configPath = await MosquittoConfig.WriteAsync(directory, port, pki, options);
        var broker = new MosquittoBroker(directory, configPath, port, pki, options);
        try
        {
            await broker.StartAsync();
        }
        catch
        {
            await broker.KillAsync();
            broker._process.Dispose();
            broker._process.DeleteDirectory();
            throw;
        }

        return broker;
    }

    /// <summary>Starts the broker process (again) on the same ports and persistence; returns once it accepts connections.</summary>
    public Task StartAsync() => _process.StartAsync([Port], StartTimeout);

    /// <summary>Stops the broker in an orderly way (SIGTERM: it saves its persistence database) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (!await _process.StopAsync(StopTimeout))
        {
            throw new InvalidOperationException($"Mosquitto did not stop within {StopTimeout.TotalSeconds} s of SIGTERM; killed it.\n{Log}");
        }
    }

    /// <summary>Kills the broker at once (SIGKILL), as a crash would: nothing is saved. Waits for it to exit.</summary>
    public Task KillAsync() => _process.KillAsync(StopTimeout);

    /// <summary>
    /// Freezes the broker (SIGSTOP): its sockets stay open but nothing answers, like a hung host or a black-holed
    /// link. Keep-alive is what notices. Returns once the process is stopped, so nothing sent after it gets an answer.
    /// <see cref="ResumeAsync"/> undoes it; disposing resumes it first.
    /// </summary>
    public async Task PauseAsync()
    {
        _process.Signal(MosquittoProcess.SigStop);
        _paused = true;
        await Wait.UntilAsync(() => _process.IsStopped, StopTimeout, "the broker to stop on SIGSTOP");
    }

    /// <summary>Lets a paused broker run again (SIGCONT).</summary>
    public Task ResumeAsync()
    {
        _process.Signal(MosquittoProcess.SigCont);
        _paused = false;
        return Task.CompletedTask;
    }

    /// <summary>Error lines in the log that the options do not allow.</summary>
    public IReadOnlyList<string> UnexpectedErrors() => _process.ErrorLines()
        .Where(line => !Options.AllowedErrors.Any(allowed => line.Contains(allowed, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_paused)
        {
            await ResumeAsync();
        }

        try
        {
            await StopAsync();
        }
        finally
        {
            await KillAsync();
        }

        var errors = UnexpectedErrors();
        string log = Log;
        Certificates?.Dispose();
        _process.Dispose();
        _process.DeleteDirectory();

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Mosquitto logged {errors.Count} unexpected error line(s):\n{string.Join('\n', errors)}\n--- full log ---\n{log}");
        }
    }
}

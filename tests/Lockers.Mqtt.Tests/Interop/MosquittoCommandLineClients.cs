using System.Globalization;
using System.Runtime.CompilerServices;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// mosquitto_sub and mosquitto_pub (libmosquitto, C) as the independent client in interop tests, with the broker's
/// port and the test user (-u/-P). Every process started is killed when this object is disposed.
/// </summary>
internal sealed class MosquittoCommandLineClients : IExternalMqttClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string LineBuffering = "/usr/bin/stdbuf";

    private readonly MosquittoBroker _broker;
    private readonly List<ExternalProcess> _processes = new();
    private readonly List<string> _files = new();
    private int _started;

    public MosquittoCommandLineClients(MosquittoBroker broker) => _broker = broker;

    /// <summary>Starts mosquitto_sub (exits after <paramref name="count"/> messages) and returns once its SUBACK arrived.</summary>
    public async Task<ExternalProcess> SubscribeAsync(string topic, int qos, int count = 1, [CallerMemberName] string testName = "")
    {
        // -d prints the protocol exchange, which tells when the subscription is in place.
        var process = Start("mosquitto_sub", testName, "-t", topic, "-q", Text(qos), "-C", Text(count), "-d", "-F", ReceivedMessage.MosquittoSubFormatArgument);
        await process.ReadLineUntilAsync(line => line.StartsWith("Subscribed (mid:", StringComparison.Ordinal), Timeout, "its SUBACK");
        return process;
    }

    /// <summary>The next message mosquitto_sub printed.</summary>
    public static async Task<ReceivedMessage> NextMessageAsync(ExternalProcess subscriber)
    {
        ReceivedMessage? message = null;
        await subscriber.ReadLineUntilAsync(line => (message = ReceivedMessage.FromMosquittoSubLine(line)) is not null, Timeout, "a message");
        return message!;
    }

    /// <summary>Runs mosquitto_pub with the exact payload bytes (-f file) and waits for it to exit successfully.</summary>
    public async Task PublishAsync(string topic, byte[] payload, int qos, bool retain = false, [CallerMemberName] string testName = "")
    {
        string file = Path.Combine(Path.GetTempPath(), $"lockers-interop-{Guid.NewGuid():N}.bin");
        _files.Add(file);
        await File.WriteAllBytesAsync(file, payload);
        var arguments = new List<string> { "-t", topic, "-q", Text(qos), "-f", file };
        if (retain)
        {
            arguments.Add("-r");
        }

        var process = Start("mosquitto_pub", testName, arguments.ToArray());
        int exitCode = await process.WaitForExitAsync(Timeout);
        Assert.True(exitCode == 0, $"mosquitto_pub exited with {exitCode}:\n{process.Transcript}");
    }

    async Task<IExternalSubscriber> IExternalMqttClients.SubscribeAsync(string topic, int qos, int count, string testName) =>
        new ProcessSubscriber(await SubscribeAsync(topic, qos, count, testName), NextMessageAsync);

    Task IExternalMqttClients.PublishAsync(string topic, byte[] payload, int qos, bool retain, string testName) =>
        PublishAsync(topic, payload, qos, retain, testName: testName);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private ExternalProcess Start(string tool, string testName, params string[] arguments)
    {
        var common = new[]
        {
            "-h", _broker.Host, "-p", Text(_broker.Port),
            "-u", MosquittoBrokerOptions.DefaultUser, "-P", MosquittoBrokerOptions.DefaultPassword,
            "-i", $"{testName}-{tool}-{Interlocked.Increment(ref _started)}",
        }.Concat(_broker.Certificates is { } pki ? ["--cafile", pki.CaCertificatePath] : Array.Empty<string>()).ToArray();
        string executable = MosquittoBinary.Find(tool);
        // Into a pipe, stdio buffers whole blocks: mosquitto_sub's "Subscribed" line would only show at exit.
        // stdbuf (coreutils) makes its stdout line-buffered.
        var process = File.Exists(LineBuffering)
            ? ExternalProcess.Start(LineBuffering, new[] { "-oL", executable }.Concat(common).Concat(arguments))
            : ExternalProcess.Start(executable, common.Concat(arguments));
        _processes.Add(process);
        return process;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

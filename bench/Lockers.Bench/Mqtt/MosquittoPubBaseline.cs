using System.Diagnostics;
using System.Globalization;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Mqtt;

/// <summary>
/// What the broker allows a C client (libmosquitto): <c>mosquitto_pub -l -q 1 -M window</c> publishing one message per
/// stdin line. The time includes starting the process and connecting (a few milliseconds), so it slightly
/// understates the rate; good enough to tell whether the broker or the client is the limit.
/// </summary>
internal static class MosquittoPubBaseline
{
    /// <summary><see cref="MqttBenchOptions.Messages"/> lines of <see cref="MqttBenchOptions.PayloadSize"/> bytes; CPU time is not measured (NaN).</summary>
    public static async Task<ThroughputRun> ThroughputAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, TimeSpan timeout)
    {
        // Each line is the payload; the newline is not sent.
        byte[] line = BenchPayload.Filler(options.PayloadSize + 1);
        line[^1] = (byte)'\n';
        byte[] input = new byte[line.Length * options.Messages];
        for (int i = 0; i < options.Messages; i++)
        {
            line.CopyTo(input, i * line.Length);
        }

        string[] arguments =
        {
            "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture),
            "-u", MosquittoBrokerOptions.DefaultUser, "-P", MosquittoBrokerOptions.DefaultPassword,
            "-i", "bench-mosquitto_pub", "-t", topic, "-q", "1", "-M", options.Window.ToString(CultureInfo.InvariantCulture), "-l",
        };
        long started = Stopwatch.GetTimestamp();
        await using var process = ExternalProcess.Start(MosquittoBinary.Find("mosquitto_pub"), arguments);
        await process.WriteInputAsync(input, close: true);
        int exitCode = await process.WaitForExitAsync(timeout);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {exitCode}:\n{process.Transcript}");
        }

        return new ThroughputRun(options.Messages, seconds, double.NaN);
    }
}

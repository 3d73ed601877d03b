using System.Runtime.InteropServices;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>What a gateway benchmark ran on: cores, load, runtime, broker, and the open-file limit (the fleet's first wall).</summary>
public sealed record BenchMachine(int ProcessorCount, string LoadAverage, string Runtime, string MosquittoVersion, string OpenFileLimit)
{
    public static async Task<BenchMachine> DescribeAsync()
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "unknown";
        var limit = File.Exists("/proc/self/limits")
            ? (await File.ReadAllLinesAsync("/proc/self/limits")).FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal))
                ?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3] ?? "unknown"
            : "unknown";
        string mosquitto;
        try
        {
            await using var process = ExternalProcess.Start(MosquittoBinary.Find(), new[] { "-h" });
            mosquitto = (await process.ReadLineAsync(TimeSpan.FromSeconds(10)))?.Trim() ?? "unknown";
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            mosquitto = "unknown";
        }

        return new BenchMachine(Environment.ProcessorCount, load, RuntimeInformation.FrameworkDescription, mosquitto, limit);
    }

    public string Line => BenchArgs.Invariant(
        $"Machine: {ProcessorCount} cores (Environment.ProcessorCount), load average at start {LoadAverage}; {Runtime}; {MosquittoVersion}; open-file limit {OpenFileLimit}");
}

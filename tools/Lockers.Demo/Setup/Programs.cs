using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Lockers.Demo.Setup;

/// <summary>Finds the programs the demo runs and runs short ones to completion.</summary>
public static class Programs
{
    /// <summary>Full path of <paramref name="name"/>: /usr/sbin first (Debian puts mosquitto there), then PATH.</summary>
    public static string Find(string name)
    {
        var directories = new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
            ?? throw new DemoException($"'{name}' is not installed: apt-get install mosquitto (./lockers demo installs it when it can)");
    }

    /// <summary>The dotnet host running this process (or the one the SDK names), else "dotnet" from PATH.</summary>
    public static string DotNet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>True when this process runs as root (Mosquitto then needs "user root" to keep reading the demo's files).</summary>
    public static bool IsRoot() => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    /// <summary>
    /// Runs a program to completion; returns its exit code, stdout and stderr. Killed after <paramref name="timeout"/>.
    /// <paramref name="input"/>, when given, is written to its stdin as one line.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new DemoException($"could not start {program}");
        if (input is not null)
        {
            // A secret goes on stdin, never on the command line (other users can read a process's arguments).
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            throw new DemoException($"{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList.Take(3))} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, await error);
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}

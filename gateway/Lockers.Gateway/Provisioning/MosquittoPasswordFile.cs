using System.Diagnostics;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Adds or replaces one user in a Mosquitto password file with <c>mosquitto_passwd -b</c> (<c>-c</c> as well when
/// the file does not exist yet), so the file's format is always the broker's own.
/// </summary>
/// <remarks>
/// -b puts the password on mosquitto_passwd's command line for the moment it runs; on a shared host other users
/// could read it from the process list. Run provisioning on the broker's host as its administrator.
/// </remarks>
public static class MosquittoPasswordFile
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public static async Task SetUserAsync(string program, string passwordFile, string user, string password)
    {
        var start = new ProcessStartInfo(Resolve(program)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!File.Exists(passwordFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(passwordFile))!);
            start.ArgumentList.Add("-c");
        }

        foreach (var argument in new[] { "-b", passwordFile, user, password })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new ProvisioningException($"{program} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(RunTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new ProvisioningException($"{program} did not finish within {RunTimeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new ProvisioningException($"{program} failed (exit {process.ExitCode}): {(await errors + await output).Trim()}");
        }
    }

    /// <summary>A path as given, or the first /usr/bin, /usr/sbin or PATH entry holding <paramref name="program"/>.</summary>
    public static string Resolve(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? program : throw new ProvisioningException($"'{program}' does not exist");
        }

        var directories = new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists)
            ?? throw new ProvisioningException($"'{program}' was not found (install mosquitto, or set Provisioning:MosquittoPasswd)");
    }
}

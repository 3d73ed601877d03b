using System.Runtime.InteropServices;

namespace Lockers.Gateway.Provisioning;

/// <summary>Asks a running Mosquitto to reread its password and ACL files: SIGHUP to the pid in its pid_file.</summary>
public static class BrokerReload
{
    private const int SigHup = 1;

    /// <returns>True when a broker was signalled; false when the pid file is missing or its process is gone (it reads the files when it starts).</returns>
    public static bool TrySignal(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) || pid <= 1)
        {
            return false;
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            throw new ProvisioningException("reloading the broker needs a POSIX system: reload Mosquitto yourself");
        }

        return Kill(pid, SigHup) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Lockers.Controller.Linux.Tests.Support;

/// <summary>
/// A Linux pseudo-terminal pair: <see cref="DevicePath"/> is a real tty (/dev/pts/N) that System.IO.Ports opens and
/// configures with termios like /dev/serial0; what the test writes to the other side arrives there, as a scanner's
/// bytes arrive on a UART. Made with posix_openpt(3); there is no .NET API for it.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 2, NoControllingTty = 0x100; // O_RDWR, O_NOCTTY (the same on x86-64 and arm64)

    private readonly FileStream _master;

    public PseudoTerminal()
    {
        int fd = posix_openpt(ReadWrite | NoControllingTty);
        if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "cannot create a pseudo-terminal");
        }

        var name = new byte[128];
        if (ptsname_r(fd, name, name.Length) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "ptsname_r failed");
        }

        DevicePath = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        _master = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, bufferSize: 0);
    }

    /// <summary>The tty the device side opens.</summary>
    public string DevicePath { get; }

    /// <summary>Sends bytes to whoever has <see cref="DevicePath"/> open.</summary>
    public void Send(byte[] bytes)
    {
        _master.Write(bytes);
        _master.Flush();
    }

    public void Dispose() => _master.Dispose();

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlockpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int ptsname_r(int fd, byte[] buffer, int length);
}

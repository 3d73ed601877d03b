using System.Text;
using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Input;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Input;

/// <summary>The scanner's reader thread hands every byte to the core, in order, and stops when disposed.</summary>
public sealed class SerialScannerPortTests
{
    [Fact]
    public async Task BytesInChunks_AreHandedOnInOrder()
    {
        var line = new SimulatedSerialLine();
        var received = new StringBuilder();
        using var scanner = new SerialScannerPort(line);
        scanner.BytesReceived += (buffer, offset, count) => { lock (received) received.Append(Encoding.ASCII.GetString(buffer, offset, count)); };
        scanner.Start();

        line.Send(Encoding.ASCII.GetBytes("QR-7F"));
        line.Send(Encoding.ASCII.GetBytes("3A\r"));

        await Wait.UntilAsync(() => { lock (received) return received.Length == 8; }, TimeSpan.FromSeconds(10), "eight bytes");
        Assert.Equal("QR-7F3A\r", received.ToString());
    }

    [Fact]
    public void Dispose_WhileTheReaderWaits_ClosesTheLine_AndReturns()
    {
        var line = new SimulatedSerialLine();
        var scanner = new SerialScannerPort(line);
        scanner.Start();

        scanner.Dispose();

        Assert.Equal(0, line.Read(new byte[1], 0, 1));
    }

    /// <summary>The real System.IO.Ports on a real tty (a pseudo-terminal standing in for /dev/serial0).</summary>
    [Fact]
    public async Task RealSerialPort_OnATty_BytesSentByTheScanner_ReachTheCore()
    {
        using var pty = new PseudoTerminal();
        using var serial = LinuxBoardBuses.OpenScannerPort(pty.DevicePath, 9600);
        var received = new StringBuilder();
        using var scanner = new SerialScannerPort(serial.BaseStream);
        scanner.BytesReceived += (buffer, offset, count) => { lock (received) received.Append(Encoding.ASCII.GetString(buffer, offset, count)); };
        scanner.Start();

        pty.Send(Encoding.ASCII.GetBytes("QR-55AA\r"));

        await Wait.UntilAsync(() => { lock (received) return received.ToString().EndsWith('\r'); }, TimeSpan.FromSeconds(10), "the scanned line");
        Assert.Equal("QR-55AA\r", received.ToString());
        Assert.Equal(9600, serial.BaudRate);
    }
}

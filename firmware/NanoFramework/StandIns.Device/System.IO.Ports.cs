// Declaration-only stand-in for nanoFramework.System.IO.Ports 1.1.139 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/System.IO.Ports, tag v1.1.139 (commit 3cc8cdf), folder
// System.IO.Ports/. Declared: the enums and event types in full, and of SerialPort its constructor plus the members
// Lockers.Firmware uses (Open, Close, IsOpen, ReadTimeout, WatchChar, BytesToRead, DataReceived, Read, Dispose).
// Bodies are placeholders: compiled against, never run.
namespace System.IO.Ports
{
    /// <summary>Parity.cs.</summary>
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    /// <summary>StopBits.cs: no None.</summary>
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    /// <summary>SerialData.cs: WatchChar is nanoFramework's own.</summary>
    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2,
    }

    /// <summary>SerialDataReceivedEventArgs.cs: the constructor is internal.</summary>
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs(SerialData eventCode) => throw null;

        public SerialData EventType => throw null;
    }

    /// <summary>SerialDataReceivedEventHandler.cs.</summary>
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    /// <summary>SerialPort.cs (subset, see the header).</summary>
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw null;

        public bool IsOpen => throw null;

        public int ReadTimeout
        {
            get => throw null;
            set => throw null;
        }

        /// <summary>The setter reaches the native driver only while the port is open.</summary>
        public char WatchChar
        {
            get => throw null;
            set => throw null;
        }

        public int BytesToRead => throw null;

        public event SerialDataReceivedEventHandler DataReceived
        {
            add => throw null;
            remove => throw null;
        }

        public void Open() => throw null;

        public void Close() => throw null;

        public int Read(byte[] buffer, int offset, int count) => throw null;

        public void Dispose() => throw null;
    }
}

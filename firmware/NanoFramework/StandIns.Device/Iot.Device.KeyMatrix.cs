// Declaration-only stand-in for nanoFramework.Iot.Device.KeyMatrix 1.2.907 (Lockers.Firmware/packages.config), which
// the package source does not serve. Checked against nanoframework/nanoFramework.IoT.Device at commit 122ebb1
// (2026-01-08, the 1.2 line; the commit of exactly 1.2.907 cannot be told from the snapshot), files
// devices/KeyMatrix/KeyMatrix.cs and KeyMatrixEvent.cs. Every public member except Values and the indexer, which
// return the binding's SpanPinValue (a ref struct, unused here). Bodies are placeholders: compiled against, never run.
namespace Iot.Device.KeyMatrix
{
    using System;
    using System.Device.Gpio;

    /// <summary>KeyMatrixEvent.cs: the constructor is internal, the setters too.</summary>
    public class KeyMatrixEvent
    {
        internal KeyMatrixEvent(PinEventTypes eventType, int output, int input) => throw null;

        public PinEventTypes EventType
        {
            get => throw null;
            internal set => throw null;
        }

        public int Output
        {
            get => throw null;
            internal set => throw null;
        }

        public int Input
        {
            get => throw null;
            internal set => throw null;
        }
    }

    /// <summary>KeyMatrix.cs.</summary>
    public class KeyMatrix : IDisposable
    {
        public KeyMatrix(int[] outputPins, int[] inputPins, TimeSpan scanInterval, GpioController? gpioController = null, bool shouldDispose = true) => throw null;

        public delegate void KeyEventHandler(object sender, KeyMatrixEvent keyMatrixEvent);

        public event KeyEventHandler? KeyEvent
        {
            add => throw null;
            remove => throw null;
        }

        public int[] OutputPins => throw null;

        public int[] InputPins => throw null;

        public TimeSpan ScanInterval
        {
            get => throw null;
            set => throw null;
        }

        public void StartListeningKeyEvent() => throw null;

        public void StopListeningKeyEvent() => throw null;

        public KeyMatrixEvent? ReadKey() => throw null;

        public void Dispose() => throw null;
    }
}

using System;
using System.Device.Gpio;
using Iot.Device.KeyMatrix;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Input
{
    /// <summary>
    /// The keypad matrix through Iot.Device.KeyMatrix. Outputs are driven High one at a time and the inputs read
    /// plainly, so the input lines need external pull-downs. <c>StartListeningKeyEvent</c> scans on its own thread;
    /// <see cref="KeyPressed"/> is raised there, once per press (Rising), never on release.
    /// </summary>
    public sealed class KeyMatrixKeypadPort : IKeypadPort
    {
        /// <summary>Time between two output lines; a full scan of a 4-row pad takes four times this.</summary>
        public const int ScanIntervalMs = 15;

        private readonly KeyMatrix _matrix;
        private readonly string _keys;
        private readonly int _inputCount;

        /// <summary>
        /// Opens the matrix pins on the shared controller. <paramref name="keys"/> holds the key of each
        /// (output, input) pair row by row: its length is outputs x inputs (the board file's <c>keypad.keys</c>).
        /// </summary>
        public KeyMatrixKeypadPort(GpioController gpio, int[] outputs, int[] inputs, string keys)
        {
            if (keys.Length != outputs.Length * inputs.Length)
            {
                throw new ArgumentException("keypad.keys must have outputs x inputs characters");
            }

            _keys = keys;
            _inputCount = inputs.Length;
            _matrix = new KeyMatrix(outputs, inputs, TimeSpan.FromMilliseconds(ScanIntervalMs), gpio, false);
            _matrix.KeyEvent += OnKeyEvent;
        }

        /// <inheritdoc/>
        public event KeyPressedHandler KeyPressed;

        /// <summary>Starts the scan thread. Call once, after the controller has subscribed to <see cref="KeyPressed"/>.</summary>
        public void Start()
        {
            _matrix.StartListeningKeyEvent();
        }

        private void OnKeyEvent(object sender, KeyMatrixEvent keyMatrixEvent)
        {
            if (keyMatrixEvent.EventType != PinEventTypes.Rising)
            {
                return;
            }

            int index = (keyMatrixEvent.Output * _inputCount) + keyMatrixEvent.Input;
            KeyPressedHandler handler = KeyPressed;
            if (handler != null && index >= 0 && index < _keys.Length)
            {
                handler(_keys[index]);
            }
        }
    }
}

using System.Device.Gpio;
using Iot.Device.KeyMatrix;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Input;

/// <summary>
/// The keypad matrix through Iot.Device.KeyMatrix: outputs (rows) driven High one at a time, inputs (columns)
/// read, with the driver's pull-downs where it has them and the board's external 10 kOhm pull-downs in any case.
/// <see cref="KeyPressed"/> is raised on this port's scan thread, once per press (Rising), never on release.
/// </summary>
/// <remarks>
/// The scan runs on a thread this port owns, through <see cref="KeyMatrix.ReadKey"/> in a loop, rather than
/// <see cref="KeyMatrix.StartListeningKeyEvent"/>: the binding's own listener thread cannot be joined, so it
/// could still be writing a row while <see cref="Dispose"/> closes the pins, which throws on that thread and
/// ends the process. Every event still arrives through <see cref="KeyMatrix.KeyEvent"/>.
/// </remarks>
public sealed class KeyMatrixKeypadPort : IKeypadPort, IDisposable
{
    /// <summary>Time between two rows; a full scan of a 4-row pad takes four times this.</summary>
    public static readonly TimeSpan ScanInterval = TimeSpan.FromMilliseconds(15);

    private readonly KeyMatrix _matrix;
    private readonly string _keys;
    private readonly int _inputCount;
    private Thread? _scanner;
    private volatile bool _stopping;

    /// <summary>
    /// Opens the matrix pins on the board's controller. <paramref name="keys"/> holds the key of each
    /// (output, input) pair row by row (the board file's <c>keypad.keys</c>, outputs x inputs characters).
    /// </summary>
    public KeyMatrixKeypadPort(GpioController gpio, int[] outputs, int[] inputs, string keys)
    {
        if (keys.Length != outputs.Length * inputs.Length)
        {
            throw new ArgumentException("keypad.keys must have outputs x inputs characters", nameof(keys));
        }

        _keys = keys;
        _inputCount = inputs.Length;
        bool pullDowns = inputs.All(pin => gpio.IsPinModeSupported(pin, PinMode.InputPullDown));
        _matrix = new KeyMatrix(outputs, inputs, ScanInterval, pullDowns ? PinMode.InputPullDown : PinMode.Input, gpio, shouldDispose: false);
        _matrix.KeyEvent += OnKeyEvent;
    }

    /// <inheritdoc />
    public event KeyPressedHandler? KeyPressed;

    /// <summary>Starts scanning. Call once, after the controller has subscribed to <see cref="KeyPressed"/>.</summary>
    public void Start()
    {
        if (_scanner is not null)
        {
            return;
        }

        _scanner = new Thread(Scan) { IsBackground = true, Name = "keypad scan" };
        _scanner.Start();
    }

    /// <summary>Stops the scan thread, waits for it, then releases the matrix pins. A second call does nothing.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return; // the binding's Dispose closes the pins again and throws
        }

        _stopping = true;
        if (_scanner is not null)
        {
            // ReadKey re-arms the binding's running flag when it starts, so keep clearing it until the thread is out.
            for (int attempt = 0; attempt < 50 && !_scanner.Join(ScanInterval * 2); attempt++)
            {
                _matrix.StopListeningKeyEvent();
            }
        }

        _matrix.Dispose();
    }

    private void Scan()
    {
        while (!_stopping)
        {
            _matrix.ReadKey(); // returns after the next change; every change also went through KeyEvent
        }
    }

    private void OnKeyEvent(object sender, KeyMatrixEvent keyMatrixEvent)
    {
        if (_stopping || keyMatrixEvent.EventType != PinEventTypes.Rising)
        {
            return;
        }

        int index = (keyMatrixEvent.Output * _inputCount) + keyMatrixEvent.Input;
        if (index >= 0 && index < _keys.Length)
        {
            KeyPressed?.Invoke(_keys[index]);
        }
    }
}

using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Input;

/// <summary>Stands in for a keypad or scanner the board does not have (the core needs both ports): it never raises.</summary>
public sealed class AbsentInputPort : IKeypadPort, IScannerPort
{
    /// <inheritdoc />
    public event KeyPressedHandler KeyPressed
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public event ScannerBytesHandler BytesReceived
    {
        add { }
        remove { }
    }
}

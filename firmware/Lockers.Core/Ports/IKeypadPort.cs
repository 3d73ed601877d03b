namespace Lockers.Core.Ports
{
    /// <summary>Called once per key press (not on release) with the key's character from the board's keys map.</summary>
    public delegate void KeyPressedHandler(char key);

    /// <summary>The keypad matrix. The driver scans it and reports presses; it may raise the event on its own thread.</summary>
    public interface IKeypadPort
    {
        /// <summary>A key was pressed: '0'..'9', '*' or '#' on the standard 3x4 pad.</summary>
        event KeyPressedHandler KeyPressed;
    }
}

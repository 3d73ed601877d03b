namespace Lockers.Core.Keypad
{
    /// <summary>Called when the user submits a code with '#'. The string holds only digits.</summary>
    public delegate void CodeEnteredHandler(string code);
}

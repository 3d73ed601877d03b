namespace Lockers.Core.Keypad
{
    /// <summary>What a key press did to the entry.</summary>
    public enum KeypadResult
    {
        /// <summary>A digit was added to the entry.</summary>
        DigitAdded,
        /// <summary>'*' cleared the entry.</summary>
        Cleared,
        /// <summary>'#' submitted the entry; <see cref="KeypadEntry.CodeEntered"/> was raised.</summary>
        Submitted,
        /// <summary>'#' on an empty entry: nothing to submit.</summary>
        NothingToSubmit,
        /// <summary>A digit beyond the maximum length: the whole entry was discarded.</summary>
        TooLong,
        /// <summary>A key that is not a digit, '*' or '#' (e.g. 'A' on a 4x4 pad): ignored.</summary>
        Ignored,
    }
}

using System;

namespace Lockers.Core.Json
{
    /// <summary>
    /// Malformed JSON, or a well-formed document that lacks a field or has one of the wrong type.
    /// The message always says what was expected and where (a character position or a field name).
    /// </summary>
    public class JsonException : Exception
    {
        /// <summary>A problem with a field of an already parsed object (no character position).</summary>
        public JsonException(string message)
            : base(message)
        {
            Position = -1;
        }

        /// <summary>A syntax problem at <paramref name="position"/> (0-based character index).</summary>
        public JsonException(string message, int position)
            : base(message + " at position " + position)
        {
            Position = position;
        }

        /// <summary>0-based character index of the problem in the input text, or -1 for field errors.</summary>
        public int Position { get; }
    }
}

namespace Lockers.Core.Board
{
    /// <summary>A key matrix: outputs driven one at a time, inputs read (with external pull-downs).</summary>
    public sealed class KeypadDefinition
    {
        internal KeypadDefinition(int[] outputs, int[] inputs, string keys)
        {
            Outputs = outputs;
            Inputs = inputs;
            Keys = keys;
        }

        /// <summary>The driven GPIO pins (rows of the map).</summary>
        public int[] Outputs { get; }

        /// <summary>The read GPIO pins (columns of the map).</summary>
        public int[] Inputs { get; }

        /// <summary>One character per (output, input) pair, row by row; length = outputs x inputs.</summary>
        public string Keys { get; }

        /// <summary>The key at the crossing of output index <paramref name="output"/> and input index <paramref name="input"/>.</summary>
        public char KeyAt(int output, int input) => Keys[output * Inputs.Length + input];
    }
}

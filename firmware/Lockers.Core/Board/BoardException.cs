using System;
using System.Text;

namespace Lockers.Core.Board
{
    /// <summary>
    /// A board file was refused. <see cref="Problems"/> lists every problem found, each as
    /// "path: what is wrong" (e.g. "compartments[3].lock.bit: must be 0..7").
    /// </summary>
    public class BoardException : Exception
    {
        /// <summary>Creates the exception from the list of problems (at least one).</summary>
        public BoardException(string[] problems) : base(Describe(problems))
        {
            Problems = problems;
        }

        /// <summary>Every problem, in the order found.</summary>
        public string[] Problems { get; }

        private static string Describe(string[] problems)
        {
            var text = new StringBuilder();
            text.Append("board file refused, ");
            text.Append(problems.Length);
            text.Append(problems.Length == 1 ? " problem:" : " problems:");
            for (int i = 0; i < problems.Length; i++)
            {
                text.Append("\n  ");
                text.Append(problems[i]);
            }

            return text.ToString();
        }
    }
}

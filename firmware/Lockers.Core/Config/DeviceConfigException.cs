using System;

namespace Lockers.Core.Config
{
    /// <summary>
    /// The device configuration was refused. <see cref="Problems"/> lists every problem found, each
    /// starting with the field's path ("broker.port: must be 1..65535"); the message joins them.
    /// </summary>
    public class DeviceConfigException : Exception
    {
        /// <summary>Creates the exception from the problems found (at least one).</summary>
        public DeviceConfigException(string[] problems)
            : base(Describe(problems))
        {
            Problems = problems;
        }

        /// <summary>Every problem found, in the order the loader checked them.</summary>
        public string[] Problems { get; }

        private static string Describe(string[] problems)
        {
            var text = new System.Text.StringBuilder("invalid device config: ");
            for (int i = 0; i < problems.Length; i++)
            {
                if (i > 0)
                {
                    text.Append("; ");
                }

                text.Append(problems[i]);
            }

            return text.ToString();
        }
    }
}

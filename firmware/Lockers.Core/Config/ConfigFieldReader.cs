using System.Collections;
using Lockers.Core.Json;

namespace Lockers.Core.Config
{
    /// <summary>
    /// Reads typed fields and records "path: problem" lines instead of throwing, so the loader finds
    /// every problem in one pass. A missing required field reads as null (or the fallback) after its
    /// problem is recorded.
    /// </summary>
    internal sealed class ConfigFieldReader
    {
        private readonly ArrayList _problems;

        public ConfigFieldReader(ArrayList problems)
        {
            _problems = problems;
        }

        /// <summary>A string; required when <paramref name="fallback"/> is null, and then "" after recording the problem.</summary>
        public string Text(JsonObject json, string prefix, string name, string? fallback)
        {
            object? value = json.Get(name);
            if (value is string text)
            {
                return text;
            }

            if (value != null)
            {
                DeviceConfigRules.Report(_problems, prefix + name, "expected a string");
            }
            else if (fallback == null)
            {
                DeviceConfigRules.Report(_problems, prefix + name, "missing");
            }

            return fallback ?? "";
        }

        /// <summary>An integer; required when <paramref name="fallback"/> is -1.</summary>
        public long Integer(JsonObject json, string prefix, string name, long fallback)
        {
            object? value = json.Get(name);
            if (value == null)
            {
                if (fallback == -1)
                {
                    DeviceConfigRules.Report(_problems, prefix + name, "missing");
                }

                return fallback;
            }

            if (value is long number && number >= int.MinValue && number <= int.MaxValue)
            {
                return number;
            }

            DeviceConfigRules.Report(_problems, prefix + name, "expected an integer");
            return fallback;
        }

        /// <summary>An optional boolean.</summary>
        public bool Flag(JsonObject json, string prefix, string name, bool fallback)
        {
            object? value = json.Get(name);
            if (value == null)
            {
                return fallback;
            }

            if (value is bool flag)
            {
                return flag;
            }

            DeviceConfigRules.Report(_problems, prefix + name, "expected true or false");
            return fallback;
        }

        /// <summary>
        /// A nested object, or null when it is absent and optional. A required section that is missing (or of
        /// the wrong type) is recorded and read as an empty object, whose fields the section's problem covers.
        /// </summary>
        public JsonObject? Section(JsonObject json, string name, bool required)
        {
            object? value = json.Get(name);
            if (value is JsonObject section)
            {
                return section;
            }

            if (value != null)
            {
                DeviceConfigRules.Report(_problems, name, "expected an object");
            }
            else if (!required)
            {
                return null;
            }
            else
            {
                DeviceConfigRules.Report(_problems, name, "missing");
            }

            return required ? new JsonObject() : null;
        }
    }
}

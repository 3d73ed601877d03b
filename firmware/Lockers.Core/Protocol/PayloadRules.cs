using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>Range checks shared by the payload readers, failing with the same "field 'x': ..." message as the JSON getters.</summary>
    internal static class PayloadRules
    {
        public static void Require(bool condition, string field, string problem)
        {
            if (!condition)
            {
                throw new JsonException("field '" + field + "': " + problem);
            }
        }

        /// <summary>A required string with at least one character.</summary>
        public static string NonEmpty(JsonObject json, string field)
        {
            string value = json.GetString(field);
            Require(value.Length > 0, field, "must not be empty");
            return value;
        }
    }
}

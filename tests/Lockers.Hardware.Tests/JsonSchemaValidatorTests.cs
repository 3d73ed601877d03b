using System.Text.Json;
using Lockers.BoardTool.Validation;

namespace Lockers.Hardware.Tests;

/// <summary>
/// The board tool's wording of JsonSchema.Net's failures, checked on small schemas so each keyword is seen to bite and
/// to say where and what (ADR 0014).
/// </summary>
public class JsonSchemaValidatorTests
{
    private static IReadOnlyList<Problem> Check(string schema, string instance)
    {
        using var schemaDoc = JsonDocument.Parse(schema);
        using var instanceDoc = JsonDocument.Parse(instance);
        return new JsonSchemaValidator(schemaDoc.RootElement.Clone()).Validate(instanceDoc.RootElement);
    }

    [Fact]
    public void Ref_ToDefs_IsFollowed()
    {
        const string schema = """{ "properties": { "pin": { "$ref": "#/$defs/pin" } }, "$defs": { "pin": { "type": "integer", "maximum": 39 } } }""";
        Assert.Empty(Check(schema, """{ "pin": 39 }"""));
        Assert.Equal("pin: must be at most 39, found 40", Assert.Single(Check(schema, """{ "pin": 40 }""")).ToString());
    }

    [Fact]
    public void Ref_ToDraft07Definitions_IsFollowed()
    {
        const string schema = """{ "items": { "$ref": "#/definitions/s" }, "definitions": { "s": { "type": "string", "minLength": 2 } } }""";
        Assert.Equal("[1]: must be at least 2 characters long", Assert.Single(Check(schema, """["ab", "a"]""")).ToString());
    }

    [Fact]
    public void OneOf_MatchingTwoBranches_IsAProblem()
    {
        const string schema = """{ "oneOf": [ { "type": "integer" }, { "type": "number" } ] }""";
        Assert.Contains("matches 2 of the allowed shapes", Assert.Single(Check(schema, "3")).Message);
        Assert.Empty(Check(schema, "3.5"));
    }

    [Fact]
    public void OneOf_MatchingNoBranch_ShowsTheClosestBranchProblems()
    {
        const string schema = """
            { "oneOf": [
                { "type": "object", "required": ["gpio"], "additionalProperties": false, "properties": { "gpio": { "type": "integer" } } },
                { "type": "object", "required": ["expander", "bit"], "additionalProperties": false,
                  "properties": { "expander": { "type": "string" }, "bit": { "type": "integer", "maximum": 7 } } } ] }
            """;
        var problem = Assert.Single(Check(schema, """{ "expander": "U2", "bit": 9 }"""));
        Assert.Equal("bit: must be at most 7, found 9", problem.ToString());
    }

    [Fact]
    public void AnyOf_MatchingOneBranch_Passes()
    {
        const string schema = """{ "anyOf": [ { "enum": ["A"] }, { "enum": ["B"] } ] }""";
        Assert.Empty(Check(schema, "\"B\""));
        Assert.NotEmpty(Check(schema, "\"C\""));
    }

    [Fact]
    public void Pattern_MinItems_MaxItems_AreChecked()
    {
        const string schema = """{ "type": "array", "minItems": 1, "maxItems": 2, "items": { "type": "string", "pattern": "^[a-z0-9-]+$" } }""";
        Assert.Contains("must match", Assert.Single(Check(schema, """["Lockers Ref"]""")).Message);
        Assert.Contains("at least 1 items", Assert.Single(Check(schema, "[]")).Message);
        Assert.Contains("at most 2 items", Assert.Single(Check(schema, """["a", "b", "c"]""")).Message);
    }

    [Fact]
    public void Integer_RejectsFractions()
    {
        Assert.Equal("must be an integer, found a number", Assert.Single(Check("""{ "type": "integer" }""", "2.5")).Message);
    }

    [Fact]
    public void MisspeltKeyword_FailsLoudlyWhenTheSchemaIsLoaded()
    {
        var error = Assert.Throws<NotSupportedException>(() => Check("""{ "properties": { "bit": { "type": "integer", "maximun": 7 } } }""", "{}"));
        Assert.Contains("'maximun' at #/properties/bit", error.Message);
    }

    [Fact]
    public void KeywordsBeyondTheOldSubset_AreChecked()
    {
        // The hand-written validator refused these schemas outright (NotSupportedException).
        Assert.Contains("uniqueItems", Assert.Single(Check("""{ "uniqueItems": true }""", "[1, 1]")).ToString());
        Assert.Equal("multipleOf: 3 should be a multiple of 2", Assert.Single(Check("""{ "multipleOf": 2 }""", "3")).ToString());
        Assert.Equal("abcd: must be at most 3 characters long", Assert.Single(Check("""{ "propertyNames": { "maxLength": 3 } }""", """{ "a": 1, "abcd": 2 }""")).ToString());
    }

    [Fact]
    public void Type_Enum_Const_Required_AreWordedWithPathAndValue()
    {
        const string schema = """
            { "type": "object", "required": ["size", "port"], "additionalProperties": false,
              "properties": { "size": { "enum": ["S", "M"] }, "port": { "const": "A" }, "pin": { "type": ["integer", "null"] } } }
            """;
        var problems = Check(schema, """{ "size": "XXL", "pin": "GPIO4", "led": 2 }""").Select(p => p.ToString()).ToList();
        Assert.Contains("'port' is required", problems);
        Assert.Contains("size: must be one of \"S\", \"M\", found \"XXL\"", problems);
        Assert.Contains("pin: must be an integer or null, found a string", problems);
        Assert.Contains("led: is not a known field", problems);
        Assert.Equal("port: must be \"A\", found \"B\"", Assert.Single(Check(schema, """{ "size": "S", "port": "B" }""")).ToString());
    }

    [Fact]
    public void Lengths_AreWorded()
    {
        const string schema = """{ "type": "string", "minLength": 2, "maxLength": 3 }""";
        Assert.Equal("must be at least 2 characters long", Assert.Single(Check(schema, "\"a\"")).Message);
        Assert.Equal("must be at most 3 characters long", Assert.Single(Check(schema, "\"abcd\"")).Message);
    }

    [Fact]
    public void BoardSchema_UsesOnlySupportedKeywords()
    {
        // Validating any document walks the whole schema's root; the board files walk the rest.
        var validator = JsonSchemaValidator.FromFile(TestRepository.Layout.SchemaPath);
        using var doc = JsonDocument.Parse("{}");
        Assert.Contains(validator.Validate(doc.RootElement), p => p.Message == "'compartments' is required");
    }
}

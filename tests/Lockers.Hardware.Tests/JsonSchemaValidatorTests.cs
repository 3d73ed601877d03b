using System.Text.Json;
using Lockers.BoardTool.Validation;

namespace Lockers.Hardware.Tests;

/// <summary>The tool's own JSON Schema subset, checked on small schemas so each keyword is seen to bite.</summary>
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
    public void UnsupportedKeyword_FailsLoudly()
    {
        Assert.Throws<NotSupportedException>(() => Check("""{ "uniqueItems": true }""", "[]"));
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

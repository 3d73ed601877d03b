using System.Text.Json;
using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Validation;

/// <summary>Checks one board file: its JSON syntax, then the schema, then every rule.</summary>
public sealed class BoardValidator
{
    private readonly JsonSchemaValidator _schema;

    public BoardValidator(JsonSchemaValidator schema) => _schema = schema;

    public static BoardValidator ForRepository(RepositoryLayout layout) =>
        new(JsonSchemaValidator.FromFile(layout.SchemaPath));

    public IReadOnlyList<Problem> Validate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new Problem("", $"not valid JSON: {e.Message}")];
        }

        using (document)
        {
            var problems = new List<Problem>(_schema.Validate(document.RootElement));
            BoardFile board;
            try
            {
                board = BoardReader.Read(json);
            }
            catch (JsonException e)
            {
                // A value of the wrong JSON type: the schema has already said where.
                if (problems.Count == 0) problems.Add(new Problem(e.Path ?? "", $"cannot be read: {e.Message}"));
                return problems;
            }

            foreach (var problem in BoardRules.Check(board))
                if (!problems.Contains(problem)) problems.Add(problem);
            return problems;
        }
    }
}

using System.Text.Json.Nodes;
using Lockers.BoardTool;
using Lockers.BoardTool.Validation;

namespace Lockers.Hardware.Tests;

/// <summary>The repository the tests run in, found by walking up from the test binaries to Lockers.sln.</summary>
internal static class TestRepository
{
    public static readonly RepositoryLayout Layout = new(FindRoot());

    public static readonly BoardValidator Validator = BoardValidator.ForRepository(Layout);

    /// <summary>Board file names (not paths), for xunit theories.</summary>
    public static TheoryData<string> BoardNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Layout.BoardFiles()) data.Add(Path.GetFileName(file));
        return data;
    }

    public static string BoardPath(string name) => Path.Combine(Layout.BoardsDirectory, name);

    /// <summary>A committed board file with one planted change, validated.</summary>
    public static IReadOnlyList<Problem> ValidateWith(string boardName, Action<JsonNode> plant)
    {
        var board = JsonNode.Parse(File.ReadAllText(BoardPath(boardName)))!;
        plant(board);
        return Validator.Validate(board.ToJsonString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lockers.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Lockers.sln above " + AppContext.BaseDirectory);
    }
}

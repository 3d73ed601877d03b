using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockers.BoardTool.Model;
using Lockers.BoardTool.Validation;
using Lockers.Core.Board;

namespace Lockers.Hardware.Tests;

/// <summary>
/// The firmware core (and so the device and the simulator) loads the same board files the tool
/// validates, reads the same wiring from them, refuses the same planted mistakes at the same path
/// and accepts the same exceptions: the two implementations of docs/board-file.md cannot drift.
/// </summary>
public class CoreBoardLoaderTests
{
    public static TheoryData<string> Boards => TestRepository.BoardNames();

    [Theory]
    [MemberData(nameof(Boards))]
    public void BoardFile_LoadsThroughTheFirmwareCore(string name)
    {
        var json = File.ReadAllText(TestRepository.BoardPath(name));
        var loaded = BoardLoader.Load(json);
        var read = BoardReader.Read(json);

        Assert.Equal(read.Board, loaded.Name);
        Assert.Equal(read.Compartments!.Count, loaded.Compartments.Length);
        for (var i = 0; i < loaded.Compartments.Length; i++)
        {
            var expected = read.Compartments[i];
            var actual = loaded.Compartments[i];
            Assert.Equal(expected.Number, actual.Number);
            Assert.Equal(Describe(expected.Lock!), actual.Lock.ToString());
            Assert.Equal(Describe(expected.Sensor!), actual.Sensor.ToString());
            Assert.Equal(expected.Sensor!.OpenLevel == "high", actual.SensorOpenHigh);
        }
    }

    // The core prints lines as "GPIO19" or "U2.A4".
    private static string Describe(Line line) => line.Gpio is int pin ? $"GPIO{pin}" : $"{line.Expander}.{line.Port}{line.Bit}";

    public static TheoryData<string> MistakeNames => Names(BoardRuleCases.Mistakes.Select(c => c.Name));

    public static TheoryData<string> AllowedNames => Names(BoardRuleCases.Allowed.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(MistakeNames))]
    public void PlantedMistake_IsRefusedByBothTheToolAndTheCore_AtTheSamePath(string name)
    {
        var mistake = BoardRuleCases.Mistakes.Single(c => c.Name == name);
        var json = Plant(mistake.Board, mistake.Plant);

        var toolPaths = TestRepository.Validator.Validate(json).Select(Located).ToList();
        Assert.True(toolPaths.Contains(mistake.Path),
            $"rule {mistake.Rule}, {name}: the board tool did not report '{mistake.Path}', only:\n{string.Join("\n", toolPaths)}");

        var refused = Assert.Throws<BoardException>(() => BoardLoader.Load(json));
        Assert.True(refused.Problems.Any(p => p.StartsWith(mistake.Path + ": ", StringComparison.Ordinal)),
            $"rule {mistake.Rule}, {name}: the core did not report '{mistake.Path}', only:\n{string.Join("\n", refused.Problems)}");
    }

    [Theory]
    [MemberData(nameof(AllowedNames))]
    public void AllowedChange_IsAcceptedByBothTheToolAndTheCore(string name)
    {
        var allowed = BoardRuleCases.Allowed.Single(c => c.Name == name);
        var json = Plant(allowed.Board, allowed.Plant);

        var problems = TestRepository.Validator.Validate(json);
        Assert.True(problems.Count == 0, $"{name}: the board tool refused it:\n{string.Join("\n", problems)}");
        var refused = Record.Exception(() => BoardLoader.Load(json));
        Assert.True(refused is null, $"{name}: the core refused it: {refused?.Message}");
    }

    [Fact]
    public void EveryNumberedRuleInTheFormatDoc_HasAPlantedMistake()
    {
        var doc = File.ReadAllLines(Path.Combine(TestRepository.Layout.Root, "docs", "board-file.md"));
        var rules = doc.SkipWhile(l => l != "## Rules").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, @"^(\d+)\. \*\*")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();

        Assert.NotEmpty(rules);
        Assert.Equal(Enumerable.Range(1, rules.Count), rules);
        Assert.Equal(rules, BoardRuleCases.Mistakes.Select(c => c.Rule).Distinct().Order());
    }

    [Fact]
    public void RuleCases_HaveUniqueNames()
    {
        var names = BoardRuleCases.Mistakes.Select(c => c.Name).Concat(BoardRuleCases.Allowed.Select(c => c.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static TheoryData<string> Names(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names) data.Add(name);
        return data;
    }

    private static string Plant(string board, Action<JsonObject> plant)
    {
        var root = JsonNode.Parse(File.ReadAllText(TestRepository.BoardPath(board)))!.AsObject();
        plant(root);
        return root.ToJsonString();
    }

    // The schema reports a missing field at its parent ("compartments[5]: 'sensor' is required"), the core
    // at the field itself; both name the same place.
    private static string Located(Problem problem)
    {
        var required = Regex.Match(problem.Message, "^'(.+)' is required$");
        if (!required.Success) return problem.Path;
        return problem.Path.Length == 0 ? required.Groups[1].Value : problem.Path + "." + required.Groups[1].Value;
    }
}

namespace Lockers.BoardTool.Validation;

/// <summary>One thing wrong with a board file. <paramref name="Path"/> points into the JSON
/// (<c>compartments[3].lock.bit</c>); an empty path means the whole document.</summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

using System.Text;
using Lockers.BoardTool.Diagram;
using Lockers.BoardTool.Model;
using Lockers.BoardTool.Validation;

namespace Lockers.BoardTool.Cli;

public static class DiagramCommand
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(RepositoryLayout layout, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        switch (args)
        {
            case ["--all"]:
                var failed = 0;
                foreach (var file in layout.BoardFiles())
                    failed += Write(layout, file, layout.DiagramPathFor(file), stdout, stderr);
                return failed == 0 ? 0 : 1;
            case [var file]:
                return Write(layout, file, layout.DiagramPathFor(file), stdout, stderr);
            case [var file, "-o", var output]:
                return Write(layout, file, output, stdout, stderr);
            case ["-o", var output, var file]:
                return Write(layout, file, output, stdout, stderr);
            default:
                stderr.WriteLine(BoardToolCli.Usage);
                return 2;
        }
    }

    /// <summary>The SVG for one board file, exactly as <c>diagram --all</c> writes it.</summary>
    public static string Render(RepositoryLayout layout, string boardFile)
    {
        var source = Path.GetRelativePath(layout.Root, Path.GetFullPath(boardFile)).Replace('\\', '/');
        return WiringDiagram.Render(BoardReader.Read(File.ReadAllText(boardFile)), source);
    }

    private static int Write(RepositoryLayout layout, string boardFile, string output, TextWriter stdout, TextWriter stderr)
    {
        // A diagram of a broken board would be a confident drawing of something that cannot work.
        var problems = BoardValidator.ForRepository(layout).Validate(File.ReadAllText(boardFile));
        if (problems.Count > 0)
        {
            stderr.WriteLine($"{boardFile}: not drawn, the board has {problems.Count} problem(s); run ./lockers board validate {boardFile}");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, Render(layout, boardFile), Utf8NoBom);
        stdout.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), output)}");
        return 0;
    }
}

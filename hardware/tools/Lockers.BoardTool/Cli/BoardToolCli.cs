namespace Lockers.BoardTool.Cli;

/// <summary>Plain argument parsing: two commands with a handful of options do not need a framework.</summary>
public static class BoardToolCli
{
    public const string Usage = """
        usage: ./lockers board <command>
          validate [board.json ...]          check board files (default: every hardware/boards/*.json);
                                             prints each problem with its path, exits 1 on any
          diagram <board.json> [-o out.svg]  draw the wiring diagram (default: hardware/diagrams/<board>.svg)
          diagram --all                      redraw hardware/diagrams/<board>.svg for every board file
        """;

    /// <returns>0 when everything is fine, 1 when a board has problems, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args switch
            {
                ["validate", .. var files] => ValidateCommand.Run(RepositoryLayout.Find(), files, stdout),
                ["diagram", .. var rest] => DiagramCommand.Run(RepositoryLayout.Find(), rest, stdout, stderr),
                ["help" or "-h" or "--help"] => Help(stdout, 0),
                _ => Help(stderr, 2),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"board: {e.Message}");
            return 1;
        }
    }

    private static int Help(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }
}

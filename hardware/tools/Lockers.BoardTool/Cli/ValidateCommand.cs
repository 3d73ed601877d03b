using Lockers.BoardTool.Validation;

namespace Lockers.BoardTool.Cli;

public static class ValidateCommand
{
    public static int Run(RepositoryLayout layout, IReadOnlyList<string> files, TextWriter stdout)
    {
        var validator = BoardValidator.ForRepository(layout);
        var targets = files.Count > 0 ? files : layout.BoardFiles();
        var failed = 0;
        foreach (var file in targets)
        {
            var problems = validator.Validate(File.ReadAllText(file));
            var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            if (problems.Count == 0)
            {
                stdout.WriteLine($"ok    {name}");
                continue;
            }
            failed++;
            stdout.WriteLine($"FAIL  {name}: {problems.Count} problem(s)");
            foreach (var problem in problems) stdout.WriteLine($"      {problem}");
        }
        stdout.WriteLine(failed == 0 ? $"{targets.Count} board file(s) valid" : $"{failed} of {targets.Count} board file(s) invalid");
        return failed == 0 ? 0 : 1;
    }
}

namespace Lockers.Repository.Tests.Citations;

/// <summary>
/// Every README, doc and comment cites only files inside the repository, so a clone has everything a reader is
/// sent to. ADR 0012.
/// </summary>
public class CitationTests
{
    [Fact]
    public void Repository_EveryCitation_ResolvesInsideTheRepository()
    {
        var scanner = new CitationScanner(RepositoryTree.Current);

        var findings = scanner.ScanRepository().ToList();

        Assert.True(findings.Count == 0, $"{findings.Count} citation(s) point at nothing in the repository:\n" + string.Join("\n", findings));
        // The scan must have read the docs: hundreds of links and paths, not none.
        Assert.True(scanner.CitationsChecked > 300, $"only {scanner.CitationsChecked} citations were checked");
    }
}

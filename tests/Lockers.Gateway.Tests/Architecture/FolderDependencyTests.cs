namespace Lockers.Gateway.Tests.Architecture;

/// <summary>
/// The dependency rule between the gateway's feature folders (docs/adr/0107-gateway-owners.md): they form no
/// cycle, read from the compiled assembly, so a newcomer can read a folder knowing only the ones below it.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// Left out: Store is the persistence boundary every feature goes through (ADR 0100). Its repository
    /// interfaces name the records of every feature and every feature calls ILockerStore, so it would join
    /// every folder into one cycle. What a feature reads through the store still counts against that feature:
    /// calling <c>tx.Reservations.GetAsync</c> is a use of <c>Reservations.Reservation</c> by the caller.
    /// </summary>
    public static readonly string[] OutsideTheGraph = ["Store"];

    [Fact]
    public void FeatureFolders_DependOnEachOtherWithoutCycles()
    {
        var graph = FolderGraph.Build(OutsideTheGraph);

        var cycles = graph.DescribeCycles();

        Assert.True(cycles.Count == 0,
            $"The gateway's folders depend on each other in {cycles.Count} cycle(s); break each by moving the type or the call " +
            "to the folder below (docs/adr/0107-gateway-owners.md):\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void FolderGraph_SeesDependenciesInsideAsyncLambdas()
    {
        // The graph must see through compiler-generated state machines and closures, or the rule above holds vacuously:
        // the expiry scan uses the reservation lifecycle only inside the lambda it hands to the store.
        var graph = FolderGraph.Build(OutsideTheGraph);

        Assert.Contains("Reservations", graph.EdgesFrom("Expiry").Keys);
    }
}

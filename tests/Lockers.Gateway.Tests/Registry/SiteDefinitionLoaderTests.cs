using Lockers.Core.Board;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Registry;

public class SiteDefinitionLoaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Write(string name, string json)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_InlineCompartments_ReadsSiteLockersAndCompartments()
    {
        var path = Write("site.json", """
            { "id": "tokyo-01", "name": "Tokyo 01", "lockers": [
              { "id": "tokyo-01-a", "name": "A", "compartments": [
                { "number": 1, "size": "S", "column": 0, "row": 0, "accessible": true },
                { "number": 2, "size": "XL", "column": 1, "row": 0 } ] } ] }
            """);

        var site = SiteDefinitionLoader.Load(path);

        Assert.Equal("tokyo-01", site.Site.Id);
        Assert.Equal("tokyo-01", Assert.Single(site.Lockers).SiteId);
        Assert.Equal([CompartmentSize.S, CompartmentSize.XL], site.Compartments.Select(c => c.Size));
        Assert.True(site.Compartments[0].Accessible);
    }

    [Fact]
    public void Load_LockerWithBoardFile_TakesCompartmentsFromBoard()
    {
        Write("board.json", """
            { "format": 1, "board": "ref", "compartments": [
              { "number": 1, "size": "M", "column": 0, "row": 0, "accessible": false, "lock": { "gpio": 19 } },
              { "number": 2, "size": "L", "column": 0, "row": 1, "accessible": true, "lock": { "gpio": 18 } } ] }
            """);
        var path = Write("site.json", """{ "id": "s1", "name": "S1", "lockers": [ { "id": "s1-a", "name": "A", "board": "board.json" } ] }""");

        var site = SiteDefinitionLoader.Load(path);

        Assert.Equal([(1, CompartmentSize.M), (2, CompartmentSize.L)], site.Compartments.Select(c => (c.Number, c.Size)));
    }

    [Fact]
    public void Load_InvalidEntries_ReportsEveryProblemWithItsPlace()
    {
        var path = Write("site.json", """
            { "id": "Bad Id", "name": "", "lockers": [
              { "id": "a", "name": "A", "compartments": [
                { "number": 1, "size": "XXL", "column": 0, "row": 0 },
                { "number": 1, "size": "S", "column": 0, "row": 1 } ] } ] }
            """);

        var error = Assert.Throws<SiteDefinitionException>(() => SiteDefinitionLoader.Load(path));

        Assert.Contains(error.Errors, e => e.StartsWith("id:"));
        Assert.Contains(error.Errors, e => e.StartsWith("name:"));
        Assert.Contains("lockers[0].compartments[0].size: must be S, M, L or XL", error.Errors);
        Assert.Contains("lockers[0].compartments[1].number: 1 is used twice", error.Errors);
    }

    [Fact]
    public void Load_NotJson_SaysWhere()
    {
        var path = Write("site.json", "{ \"id\": ");

        var error = Assert.Throws<SiteDefinitionException>(() => SiteDefinitionLoader.Load(path));

        Assert.Contains("not valid JSON", Assert.Single(error.Errors));
    }

    public void Dispose() => _directory.Dispose();
}

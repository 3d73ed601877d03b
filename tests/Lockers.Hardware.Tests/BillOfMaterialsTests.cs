using Lockers.BoardTool.Model;

namespace Lockers.Hardware.Tests;

/// <summary>The reference BOM parses and holds every part the reference board file implies.</summary>
public class BillOfMaterialsTests
{
    private static readonly List<BomRow> Rows =
        BillOfMaterials.Read(Path.Combine(TestRepository.Layout.BomDirectory, "lockers-ref-32.csv"));

    private static readonly BoardFile Board =
        BoardReader.Read(File.ReadAllText(TestRepository.BoardPath("lockers-ref-32.json")));

    private static int Count(Func<BomRow, bool> match) => Rows.Where(match).Sum(r => r.Quantity);

    private static int ByPartNumber(string partNumber) =>
        Count(r => r.PartNumber.Contains(partNumber, StringComparison.OrdinalIgnoreCase));

    private static int Locks => Board.Compartments!.Count;
    private static int Sensors => Board.Compartments!.Count(c => c.Sensor is not null);

    [Fact]
    public void EveryRow_QuantityMatchesItsDesignators()
    {
        foreach (var row in Rows)
            Assert.True(row.Designators().Count() == row.Quantity, $"{row.Reference}: quantity {row.Quantity} but {row.Designators().Count()} designators");
    }

    [Fact]
    public void Designators_AreUnique()
    {
        var all = Rows.SelectMany(r => r.Designators()).ToList();
        var repeated = all.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "used twice: " + string.Join(", ", repeated));
    }

    [Fact]
    public void EveryRow_NamesAPartNumber()
    {
        Assert.All(Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.PartNumber), $"{r.Reference} has no part number"));
    }

    [Fact]
    public void Controller_MatchesTheBoardFile() =>
        Assert.True(ByPartNumber(Board.Mcu!) >= 1, $"no {Board.Mcu} in the BOM");

    [Fact]
    public void Expanders_OnePerBoardFileExpander() =>
        Assert.True(ByPartNumber("MCP23017") >= Board.Expanders!.Count);

    [Fact]
    public void LockDrivers_OneMosfetAndOneFlybackDiodePerLock_PlusTheBuzzer()
    {
        Assert.True(ByPartNumber("AO3400A") >= Locks + (Board.Buzzer is null ? 0 : 1));
        Assert.True(ByPartNumber("SS34") >= Locks);
        Assert.True(ByPartNumber("RC0603FR-07100KL") >= Locks, "a gate pull-down per lock driver");
        Assert.True(Count(r => r.Reference.StartsWith("LK", StringComparison.Ordinal)) >= Locks, "a solenoid lock per compartment");
    }

    [Fact]
    public void DoorSensors_ReedMagnetPullUpAndFilter_PerCompartment()
    {
        Assert.True(ByPartNumber("59140") >= Sensors);
        Assert.True(ByPartNumber("57140") >= Sensors);
        var tenK = Sensors + (Board.Keypad?.Inputs?.Count ?? 0) + (Board.Tamper is null ? 0 : 1);
        Assert.True(ByPartNumber("RC0603FR-0710KL") >= tenK, $"10 k for sensor pull-ups, keypad pull-downs and tamper: need {tenK}");
        Assert.True(ByPartNumber("RC0603FR-071KL") >= Sensors);
    }

    [Fact]
    public void UserParts_PresentForEveryPartTheBoardFileNames()
    {
        if (Board.Keypad is not null) Assert.True(Count(r => r.Part.Contains("keypad", StringComparison.OrdinalIgnoreCase)) >= 1);
        if (Board.Scanner is not null) Assert.True(Count(r => r.Part.Contains("scanner", StringComparison.OrdinalIgnoreCase)) >= 1);
        if (Board.StatusLed is not null) Assert.True(Count(r => r.Reference.StartsWith("LED", StringComparison.Ordinal)) >= 1);
        if (Board.Buzzer is not null) Assert.True(Count(r => r.Reference.StartsWith("BZ", StringComparison.Ordinal)) >= 1);
        if (Board.Tamper is not null) Assert.True(Count(r => r.Part.Contains("microswitch", StringComparison.OrdinalIgnoreCase)) >= 1);
    }

    [Fact]
    public void Power_FuseReverseProtectionSurgeAndRails_ArePresent()
    {
        Assert.True(Count(r => r.Reference == "F1") == 1, "input fuse");
        Assert.True(ByPartNumber("SMBJ15A") >= 1, "TVS");
        Assert.True(ByPartNumber("AO4407A") >= 1, "reverse-polarity P-MOSFET");
        Assert.True(ByPartNumber("D24V22F5") >= 1, "5 V buck");
        Assert.True(ByPartNumber("AMS1117-3.3") >= 1, "3.3 V LDO");
        Assert.True(Count(r => r.Reference.StartsWith("PSU", StringComparison.Ordinal)) >= 1, "12 V supply");
    }
}

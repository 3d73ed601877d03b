using Lockers.Core.Board;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Registry;

/// <summary>One size enum (the core's), and the gateway's stored numbering kept as it was: 1 (S) .. 4 (XL).</summary>
public sealed class CompartmentSizeTests
{
    [Fact]
    public void StoredNumbers_AreOneToFourInSizeOrder_AndReadBack()
    {
        CompartmentSize[] sizes = [CompartmentSize.S, CompartmentSize.M, CompartmentSize.L, CompartmentSize.XL];

        Assert.Equal([1, 2, 3, 4], sizes.Select(CompartmentSizeNumbers.ToNumber));
        Assert.Equal(sizes, sizes.Select(s => CompartmentSizeNumbers.FromNumber(CompartmentSizeNumbers.ToNumber(s))));
        Assert.Equal(Enum.GetValues<CompartmentSize>(), sizes); // every size of the core, smallest first
    }

    [Fact]
    public void StoredNumber_OutOfRange_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => CompartmentSizeNumbers.FromNumber(0));
        Assert.Throws<FormatException>(() => CompartmentSizeNumbers.FromNumber(5));
    }

    [Fact]
    public async Task ImportedSite_StoresSizesAsBefore()
    {
        using var gateway = new GatewayFixture();
        await gateway.ImportTestSiteAsync();

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={gateway.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(locker_id || '/' || number || '=' || size, ' ') FROM (SELECT * FROM compartments ORDER BY locker_id, number);";

        Assert.Equal("test-a/1=1 test-a/2=1 test-a/3=2 test-a/4=3 test-b/1=4", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void BookingFingerprint_NumbersTheSizeAsStored_SoIdempotencyKeysFromEarlierVersionsStillMatch()
    {
        var request = new BookingRequest("test-site", CompartmentSize.M, false, "P-1", "hana@example.jp", null, 72);

        Assert.Equal(
            """{"siteId":"test-site","size":2,"accessible":false,"parcelReference":"P-1","email":"hana@example.jp","phone":null,"pickupWindowHours":72}""",
            request.Fingerprint());
    }
}

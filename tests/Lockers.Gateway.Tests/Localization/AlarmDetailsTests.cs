using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Tests.Localization;

/// <summary>
/// Alarm details are stored in English from templates and read in the staff member's language (AlarmDetails). Every
/// template here is filled as its producer fills it, nested parts included, and must read without English in Japanese
/// and Chinese; producer tests (claims, sequences, offline conflicts, guessing budgets, the unlock guard, store outages)
/// check the details they really write the same way (<see cref="AlarmDetailReading"/>).
/// </summary>
public sealed class AlarmDetailsTests
{
    private static string E(string key, params object[] arguments) => AlarmDetails.English(key, arguments);

    /// <summary>Each template (by key) with a detail written from it the way its producer writes it.</summary>
    public static TheoryData<string, string> Samples => new()
    {
        { "AlarmDetail.SequenceReset", E("AlarmDetail.SequenceReset", "4f2a9c0d11e0b7aa", "0b13c5d2e4f60718", 57) },
        { "AlarmDetail.EventConflict", E("AlarmDetail.EventConflict", 1001, "4f2a9c0d11e0b7aa") },
        { "AlarmDetail.EventLost", E("AlarmDetail.EventLost", 12, "4f2a9c0d11e0b7aa", E("AlarmPart.NotReplayed", 300, 3)) },
        { "AlarmDetail.EventsLost", E("AlarmDetail.EventsLost", 12, 15, "legacy", E("AlarmPart.CannotReplay")) },
        { "AlarmPart.NotReplayed", E("AlarmDetail.EventsLost", 3, 4, "4f2a9c0d11e0b7aa", E("AlarmPart.NotReplayed", 300, 3)) },
        { "AlarmPart.CannotReplay", E("AlarmDetail.EventLost", 3, "legacy", E("AlarmPart.CannotReplay")) },
        { "AlarmDetail.MessageRefused", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.NotUtf8")) },
        { "AlarmPart.NotUtf8", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/status", E("AlarmPart.NotUtf8")) },
        { "AlarmPart.NotAnId", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.NotAnId", "reader", 32)) },
        { "AlarmPart.NotWord", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.NotWord", "kind")) },
        { "AlarmPart.NotAscii", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.NotAscii", "code")) },
        { "AlarmPart.NotPrintable", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.NotPrintable", "detail", 4, "0007")) },
        { "AlarmPart.TooLong", E("AlarmDetail.MessageRefused", "lockers/v1/test-a/event", E("AlarmPart.TooLong", "firmware", 40, 32)) },
        { "AlarmDetail.CodeEntryRefused", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("kp-9", "keypad", "AlarmPart.Keypad",
            E("AlarmPart.KeypadReader", "kp-1") + ", " + E("AlarmPart.ScannerReader", "qr-1"))) },
        { "AlarmPart.ReaderNotProvisioned", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("qr-9", "qr", "AlarmPart.Scanner", E("AlarmPart.NoReaders"))) },
        { "AlarmPart.Keypad", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("qr-1", "keypad", "AlarmPart.Keypad", E("AlarmPart.ScannerReader", "qr-1"))) },
        { "AlarmPart.Scanner", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("kp-1", "qr", "AlarmPart.Scanner", E("AlarmPart.KeypadReader", "kp-1"))) },
        { "AlarmPart.Qr", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("x-1", "qr", "AlarmPart.Scanner", E("AlarmPart.NoReaders"))) },
        { "AlarmPart.KeypadReader", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("x-1", "keypad", "AlarmPart.Keypad", E("AlarmPart.KeypadReader", "kp-1"))) },
        { "AlarmPart.ScannerReader", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("x-1", "qr", "AlarmPart.Scanner", E("AlarmPart.ScannerReader", "qr-1"))) },
        { "AlarmPart.NoReaders", E("AlarmDetail.CodeEntryRefused", ReaderRefusal("x-1", "keypad", "AlarmPart.Keypad", E("AlarmPart.NoReaders"))) },
        { "AlarmDetail.OfflineConflict", E("AlarmDetail.OfflineConflict", 3, "c7", "r-12", E("AlarmPart.ParcelElsewhere", "test-a/4")) },
        { "AlarmDetail.OfflineConflictNoReservation", E("AlarmDetail.OfflineConflictNoReservation", 3, "c7", E("AlarmPart.NeverIssued")) },
        { "AlarmPart.NeverIssued", E("AlarmDetail.OfflineConflictNoReservation", 2, "c1", E("AlarmPart.NeverIssued")) },
        { "AlarmPart.NoSuchReservation", E("AlarmDetail.OfflineConflictNoReservation", 2, "c1", E("AlarmPart.NoSuchReservation")) },
        { "AlarmPart.OtherSite", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.OtherSite")) },
        { "AlarmPart.NoLongerValid", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1",
            E("AlarmPart.NoLongerValid", DashboardTexts.English.Word("ParcelStatus", "picked_up"))) },
        { "AlarmPart.ParcelElsewhere", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.ParcelElsewhere", "test-b/7")) },
        { "AlarmPart.ParcelNowhere", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.ParcelNowhere")) },
        { "AlarmPart.BeingMoved", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.BeingMoved")) },
        { "AlarmPart.BeingDeposited", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.NoPickup", E("AlarmPart.BeingDeposited"))) },
        { "AlarmPart.NoDeposit", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.NoDeposit", DashboardTexts.English.Word("ParcelStatus", "cancelled"))) },
        { "AlarmPart.NoPickup", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1", E("AlarmPart.NoPickup", DashboardTexts.English.Word("ParcelStatus", "booked"))) },
        { "AlarmPart.NoCollection", E("AlarmDetail.OfflineConflict", 2, "c1", "r-1",
            E("AlarmPart.NoCollection", DashboardTexts.English.Word("ParcelStatus", "ready_for_pickup"))) },
        { "AlarmDetail.GuessingBudget", E("AlarmDetail.GuessingBudget", "demo-site", 200, E("AlarmPart.FamilyPin"), 24, 200) },
        { "AlarmPart.FamilyPin", E("AlarmDetail.GuessingBudget", "demo-site", 5, E("AlarmPart.FamilyPin"), 24, 5) },
        { "AlarmPart.FamilyCourierPin", E("AlarmDetail.GuessingBudget", "demo-site", 5, E("AlarmPart.FamilyCourierPin"), 24, 5) },
        { "AlarmPart.FamilyCode", E("AlarmDetail.GuessingBudget", "demo-site", 5, E("AlarmPart.FamilyCode"), 24, 5) },
        { "AlarmDetail.UnlockAnomalySite", E("AlarmDetail.UnlockAnomalySite", "demo-site", Anomaly) },
        { "AlarmDetail.UnlockAnomalyFleet", E("AlarmDetail.UnlockAnomalyFleet", Anomaly) },
        { "AlarmPart.AnomalyReason", E("AlarmDetail.UnlockAnomalySite", "s-2", Anomaly) },
        { "AlarmPart.WholeLocker", E("AlarmDetail.Throttle", "kp-1, " + E("AlarmPart.WholeLocker")) },
        { "AlarmDetail.StoreUnavailable", E("AlarmDetail.StoreUnavailable", "SQLite Error 8: 'attempt to write a readonly database'.") },
        { "AlarmDetail.FlashRepaired", E("AlarmDetail.FlashRepaired", "journal page 3") },
        { "AlarmDetail.StatusOffline", E("AlarmDetail.StatusOffline") },
        { "AlarmDetail.Fault", E("AlarmDetail.Fault", "config.json: 'doors' is missing") },
        { "AlarmDetail.Silent", E("AlarmDetail.Silent", "181", 60) },
        { "AlarmDetail.Forced", E("AlarmDetail.Forced") },
        { "AlarmDetail.Jammed", E("AlarmDetail.Jammed") },
        { "AlarmDetail.LeftOpen", E("AlarmDetail.LeftOpen") },
        { "AlarmDetail.Supply", E("AlarmDetail.Supply", 9000, 10500, 14500) },
        { "AlarmDetail.Temperature", E("AlarmDetail.Temperature", "71.5", "-20", "60") },
        { "AlarmDetail.Implausible", E(AlarmDetails.ListKey, E("AlarmDetail.SupplyReads", 0) + ", " + E("AlarmDetail.TemperatureReads", "-127")) },
        { "AlarmDetail.SupplyReads", E(AlarmDetails.ListKey, E("AlarmDetail.SupplyReads", 0)) },
        { "AlarmDetail.TemperatureReads", E(AlarmDetails.ListKey, E("AlarmDetail.TemperatureReads", "-127")) },
        { "AlarmDetail.Throttle", E("AlarmDetail.Throttle", "kp-1, qr-1") },
        { "AlarmDetail.Takeover", E("AlarmDetail.Takeover", 6, 10) },
        { "AlarmDetail.CommandRefused", E("AlarmDetail.CommandRefused", "c-10", "expired") },
        { "AlarmDetail.CommandRefusedAttack", E("AlarmDetail.CommandRefusedAttack", "c-10", "bad_signature") },
        { "AlarmDetail.JournalOverflow", E("AlarmDetail.JournalOverflow", 12) },
        { "AlarmDetail.Tamper", E("AlarmDetail.Tamper", "lid") },
    };

    private static string Anomaly => E("AlarmPart.AnomalyReason", 31, 30, "SiteUnlocksPerMinute", "test-a", "keypad:kp-1");

    private static string ReaderRefusal(string reader, string source, string kindKey, string known) =>
        E("AlarmPart.ReaderNotProvisioned", reader, source, E(kindKey), "test-a", known);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detail_StoredInEnglish_ReadsWithoutEnglishInJapaneseAndChinese(string key, string stored)
    {
        Assert.DoesNotContain("Alarm", stored[..Math.Min(5, stored.Length)], StringComparison.Ordinal); // a key is never stored
        Assert.False(string.IsNullOrEmpty(key));
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(stored);
    }

    [Fact]
    public void EveryTemplate_HasASample()
    {
        var sampled = Samples.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var templates = DashboardTexts.Resources.All(Languages.English).Keys
            .Where(key => key.StartsWith(AlarmDetails.Prefix, StringComparison.Ordinal) || key.StartsWith(AlarmDetails.PartPrefix, StringComparison.Ordinal));

        Assert.DoesNotContain(templates, key => !sampled.Contains(key));
    }

    [Fact]
    public void NestedParts_ReadInTheReadersWords()
    {
        var ja = DashboardTexts.Resources.For(Languages.Japanese, Languages.FormatCulture(Languages.Japanese, null));
        var stored = E("AlarmDetail.OfflineConflict", 3, "c7", "r-12",
            E("AlarmPart.NoLongerValid", DashboardTexts.English.Word("ParcelStatus", "picked_up")));

        Assert.Equal("ボックス 3 がオフライン中に予約 r-12 のコード c7 で開けられました：コードはすでに無効でした（使用済みまたは取り消し済み）。"
            + "予約の状態：" + ja["ParcelStatus.picked_up"] + "。ボックスを確認してください", AlarmDetails.Read(stored, ja));
    }

    [Fact]
    public void RepeatedPlaceholder_MustRepeatItsValue()
    {
        var zh = DashboardTexts.Resources.For(Languages.Chinese, Languages.FormatCulture(Languages.Chinese, null));
        var stored = E("AlarmDetail.GuessingBudget", "demo-site", 5, E("AlarmPart.FamilyCourierPin"), 24, 5);

        Assert.Contains("快递员密码输入失败 5次", AlarmDetails.Read(stored, zh));
        Assert.Contains("暂停接受快递员密码输入", AlarmDetails.Read(stored, zh));
        // The same words with the two family names differing are not this template's: shown as stored.
        var forged = stored.Replace("courier PIN entry is held", "PIN entry is held", StringComparison.Ordinal);
        Assert.Equal(forged, AlarmDetails.Read(forged, zh));
    }

    [Fact]
    public void GuardReason_ReadsAlone_AsAPart()
    {
        var zh = DashboardTexts.Resources.For(Languages.Chinese, Languages.FormatCulture(Languages.Chinese, null));

        Assert.StartsWith("最近一分钟约开锁 31次", AlarmDetails.ReadPart(Anomaly, zh));
        Assert.Equal(Anomaly, AlarmDetails.ReadPart(Anomaly, DashboardTexts.English));
        Assert.Equal(Anomaly, AlarmDetails.Read(Anomaly, zh)); // a part alone is not a whole detail
    }

    [Fact]
    public void AuditLines_TheGuardsHoldAndAnOfflineConflict_SayTheirPartsInTheReadersWords()
    {
        var held = new AuditEntry(DateTimeOffset.UnixEpoch, "guard", AuditActions.UnlocksHeld, "demo-site", "test-a",
            Detail: "scope=site:demo-site kind=anomaly reason: " + Anomaly);
        var conflict = new AuditEntry(DateTimeOffset.UnixEpoch, "keypad:kp-1", AuditActions.CodeOfflineConflict, "demo-site", "test-a", 3,
            Detail: "entry=7 ref=c7 purpose=Pickup: " + E("AlarmPart.NoLongerValid", DashboardTexts.English.Word("ParcelStatus", "picked_up")));
        foreach (var language in new[] { Languages.Japanese, Languages.Chinese })
        {
            var texts = DashboardTexts.Resources.For(language, Languages.FormatCulture(language, null));
            Assert.Contains(AlarmDetails.ReadPart(Anomaly, texts), AuditWords.What(held, texts), StringComparison.Ordinal);
            Assert.DoesNotContain("unlocks in the last minute", AuditWords.What(held, texts), StringComparison.Ordinal);
            Assert.DoesNotContain("no longer valid", AuditWords.What(conflict, texts), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AWholeDetail_NeverMatchesAPartAlone()
    {
        var ja = DashboardTexts.Resources.For(Languages.Japanese, Languages.FormatCulture(Languages.Japanese, null));

        // "keypad {0}" is a part (an item of the readers list): a detail that starts so is not read as one.
        Assert.Equal("keypad kp-1 says hello", AlarmDetails.Read("keypad kp-1 says hello", ja));
        Assert.Equal(ja["AlarmDetail.Forced"], AlarmDetails.Read(E("AlarmDetail.Forced"), ja));
    }
}

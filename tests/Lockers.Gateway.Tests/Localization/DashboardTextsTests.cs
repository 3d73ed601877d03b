using System.Text.RegularExpressions;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Staff;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Localization;

/// <summary>
/// The maintenance dashboard's texts (gateway/Lockers.Gateway/Localization/DashboardTexts.resx and its translations,
/// docs/adr/0308-dashboard-languages.md): every language has every key with the same placeholders and no English left
/// in it; every key the pages and the gateway's dashboard words use exists, including the keys built from the gateway's
/// codes (alarm kinds, door states, statuses); and the words the gateway writes (audit lines, alarm details) read in
/// Japanese and Chinese without falling back to English.
/// </summary>
public sealed partial class DashboardTextsTests
{
    private static readonly TextResources Texts = DashboardTexts.Resources;

    public static TheoryData<string> Translations => new(Languages.Japanese, Languages.Chinese);

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryTranslation_HasEveryKey_WithTheSamePlaceholders(string language)
    {
        var english = Texts.OwnKeys(Languages.English);
        Assert.True(english.Count > 300, $"only {english.Count} keys: the table did not load");
        Assert.Equal(english, Texts.OwnKeys(language));
        foreach (var key in english)
        {
            Assert.True(Placeholders(Texts.Get(key, Languages.English)).SequenceEqual(Placeholders(Texts.Get(key, language))),
                $"{key} ({language}) has other placeholders than English");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryTranslation_IsTranslated_NoEnglishWordsLeft(string language)
    {
        // Latin words a translation may keep: units, the products' own names, identifiers staff type or read as they are.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "HTTP", "API", "mV", "dBm", "V", "ID", "QR", "Last", "Will", "locker", "revoke",
            "ASCII", "UTF", "REST", "Guard" };
        var untranslated = Texts.OwnKeys(Languages.English)
            .Select(key => (key, text: Texts.Get(key, language)))
            .Where(entry => EnglishWord().Matches(entry.text).Any(word => !allowed.Contains(word.Value)))
            .Select(entry => $"{entry.key}: {entry.text}")
            .ToList();
        Assert.True(untranslated.Count == 0, "English words left in " + language + ":\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void EveryKeyThePagesAndTheGatewayUse_Exists()
    {
        var known = Texts.OwnKeys(Languages.English).ToHashSet(StringComparer.Ordinal);
        var pages = RepositoryRoot.File("gateway", "Lockers.Gateway", "wwwroot", "dashboard");
        var markup = Directory.GetFiles(pages, "*.html").SelectMany(file => MarkupKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value));
        var scripts = Directory.GetFiles(pages, "*.js").SelectMany(file => ScriptKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value));
        var gateway = RepositoryRoot.File("gateway", "Lockers.Gateway");
        var code = new[] { "Audit/AuditWords.cs", "Monitoring/AlarmRules.cs", "Monitoring/LockerHealthService.cs", "Dashboard/ServiceStateService.cs",
                "Dashboard/ParcelMoveService.cs", "Dashboard/RemoteOpenService.cs", "Dashboard/DashboardActionsApi.cs", "Staff/StaffApi.cs",
                "Dashboard/UnlockHoldService.cs", "Guard/UnlockHold.cs", "Guard/UnlockGuard.cs", "Monitoring/StoredHolds.cs",
                "Monitoring/StoreOutageAlarm.cs", "Monitoring/LockerHealthFeed.cs", "Link/EventSequencer.cs", "Link/LockerText.cs",
                "Link/LockerMessageHandler.cs", "Link/CodeEntryHandler.cs", "Link/OfflineCodeHandler.cs", "Reservations/Doors/LockerCodeVerifier.cs" }
            .Select(path => File.ReadAllText(Path.Combine(gateway, path)))
            .SelectMany(text => CodeKey().Matches(text).Select(m => m.Groups["key"].Value)
                .Concat(AuditKey().Matches(text).SelectMany(m => new[] { m.Groups["key"], m.Groups["other"] })
                    .Where(group => group.Success).Select(group => "AuditLine." + group.Value)));
        // Keys the pages and AuditWords build from the gateway's codes: a code without words would show as a raw code.
        var built = AlarmKinds.All.Select(kind => "Alarm.Kind." + kind)
            .Concat(Enum.GetValues<AlarmSeverity>().Select(s => "Severity." + s.ToString().ToLowerInvariant()))
            .Concat(new[] { "raised", "condition_ended", "acknowledged", "cleared" }.Select(s => "Alarm.State." + s))
            .Concat(new[] { AlarmChange.Raised, AlarmChange.ConditionEnded, AlarmChange.Updated, AlarmChange.Acknowledged, AlarmChange.Cleared }.Select(c => "Alarm.Change." + c))
            .Concat(new[] { DoorStates.Opened, DoorStates.Closed, DoorStates.Forced, DoorStates.Jammed, DoorStates.LeftOpen, "unknown" }.Select(d => "Door." + d))
            .Concat(new[] { "empty", "reserved", "parcel", "move_target" }.Select(o => "Occupancy." + o))
            .Concat(ReservationStatuses.AllNames.SelectMany(s => new[] { "Status." + s, "ParcelStatus." + s }))
            .Concat(Enum.GetValues<StaffRole>().Select(r => "Role." + r.ToWire()))
            .Concat(new[] { "sent", "done", "failed", "no_answer" }.Select(c => "Command." + c))
            .Concat(new[] { MoveStep.Requested, MoveStep.SourceOpened, MoveStep.TargetOpened }.Select(step => "Move.Step." + ParcelMoves.ToWire(step)))
            .Concat(new[] { "online", "offline" }.Select(s => "State." + s))
            .Concat(AuditWords.Categories.Select(c => "AuditCategory." + c.Key))
            .Concat(AuditWords.Who.Select(c => "AuditWho." + c.Key))
            .Concat(Constants(typeof(RefusalReasons)).Select(reason => "Reason." + reason))
            .Concat(Constants(typeof(CommandResults)).Select(result => "Result." + result))
            .Concat(new[] { "Dropoff", "PickupPin", "PickupQr", "Collect" }.Select(k => "AuditLine.Kind." + k))
            .Concat(new[] { "Deposit", "Pickup", "Collect" }.Select(p => "AuditLine.Purpose." + p))
            .Concat(new[] { "OutOfService", "LockerOffline", "ParcelBeingMoved", "Other" }.Select(u => "AuditLine.Unavailable." + u));
        var used = markup.Concat(scripts).Concat(code).Concat(built).Distinct().ToList();
        Assert.Contains("Fleet.OpenAlarms", used); // the scans found keys in markup,
        Assert.Contains("Panel.ViewerOnly", used); // in scripts,
        Assert.Contains("AuditLine.RemoteOpen", used); // and in the gateway's code

        var missing = used.Where(key => !known.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "keys used but missing from DashboardTexts.resx: " + string.Join(", ", missing));
    }

    public static TheoryData<string> EveryAuditAction => new(Constants(typeof(AuditActions)));

    [Theory]
    [MemberData(nameof(EveryAuditAction))]
    public void EveryAuditAction_HasWords_InEveryLanguage(string action)
    {
        var entry = new AuditEntry(DateTimeOffset.UnixEpoch, "staff:mia", action, "site-1", "locker-1", 3, Detail: "x=1");
        foreach (var language in Languages.All)
        {
            var words = AuditWords.What(entry, Texts.For(language, Languages.FormatCulture(language, null)));
            Assert.False(words.StartsWith(action, StringComparison.Ordinal), $"{action} has no words in {language}: {words}");
        }
    }

    [Fact]
    public void AuditLine_InJapanese_SaysWhoAndWhatInJapanese()
    {
        var ja = Texts.For(Languages.Japanese, Languages.FormatCulture(Languages.Japanese, null));
        var open = new AuditEntry(DateTimeOffset.UnixEpoch, "staff:mia", AuditActions.RemoteOpen, "site-1", "locker-1", 2, Detail: "reason: stuck parcel");

        Assert.Equal("mia（係員）", AuditWords.Actor(open.Actor, _ => null, ja));
        Assert.Equal("2番扉の遠隔解錠を指示（stuck parcel）", AuditWords.What(open, ja));
        var raised = new AuditEntry(DateTimeOffset.UnixEpoch, "system", AuditActions.AlarmRaised, "site-1", "locker-1", 5,
            Detail: "alarm=7 kind=door_forced severity=critical: the door opened without an unlock");
        Assert.Equal("アラーム発生：扉のこじ開け（緊急）：解錠していないのに扉が開きました", AuditWords.What(raised, ja));
        var courier = new AuditEntry(DateTimeOffset.UnixEpoch, "keypad:kp-1", AuditActions.CodeAccepted, "site-1", "locker-1",
            Detail: "kind=courier courier=cou_7");
        Assert.Equal("配達員 cou_7 のバッジまたは暗証番号を確認：巡回を開始", AuditWords.What(courier, ja));
    }

    // Every template filled as its producer fills it, read in ja and zh: AlarmDetailsTests.

    [Fact]
    public void AlarmDetail_KeepsTheFigures_AndAnUnknownDetailAsStored()
    {
        var zh = Texts.For(Languages.Chinese, Languages.FormatCulture(Languages.Chinese, null));

        Assert.Equal("供电电压 9000 mV（允许范围 10500-14500 mV）", AlarmDetails.Read("supply 9000 mV, allowed 10500-14500 mV", zh));
        Assert.Equal("读数不合理：供电电压读数 0 mV、温度读数 -127 °C",
            AlarmDetails.Read("implausible reading: supply reads 0 mV, temperature reads -127 °C", zh));
        Assert.Equal("something the rules never wrote", AlarmDetails.Read("something the rules never wrote", zh));
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields().Where(constant => constant.IsLiteral).Select(constant => (string)constant.GetRawConstantValue()!);

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{[0-9]\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z][A-Za-z_]+")]
    private static partial Regex EnglishWord();

    /// <summary>data-t="Key", data-t-placeholder="Key", data-t-aria-label="Key".</summary>
    [GeneratedRegex(@"data-t(?:-[a-z-]+)?=""(?<key>[^""]+)""")]
    private static partial Regex MarkupKey();

    /// <summary>Any quoted "Section.Key" in a script: t("Key"), ["Facts.Parcel", ...], t(x ? "A.B" : "C.D"); not word("Prefix", code).</summary>
    [GeneratedRegex(@"(?<!word\()""(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z_]+)+)""")]
    private static partial Regex ScriptKey();

    /// <summary>texts["Key"], w.Text("Key", ...), AlarmDetails.English("Key" ...), DashboardTexts.For(..)["Key"].</summary>
    [GeneratedRegex(@"(?:\b(?:texts|w)\[|\.Text\(|\bEnglish\(|\)\[)""(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+)""")]
    private static partial Regex CodeKey();

    /// <summary>AuditWords' T("Key") and its "Key" : "Key" choices, all under AuditLine.</summary>
    [GeneratedRegex(@"\bT\((?:[^""]*\?\s*)?""(?<key>[A-Z][A-Za-z]+)""(?:\s*:\s*""(?<other>[A-Z][A-Za-z]+)"")?")]
    private static partial Regex AuditKey();
}

using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Localization;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, findings 2 and 10, tried with a stolen locker certificate (MQTTnet, TLS, the shipped broker configuration): the
/// gateway checks what a locker claims (ADR 0109). Each finding test failed on the code before: the gateway trusted any
/// reader id (a real PIN under a made-up reader opened its door) and stored any text and any telemetry figure.
/// </summary>
public sealed class ClaimsTests
{
    [Fact]
    public async Task Finding2_RotatingMadeUpReaderIds_GetsNoCodeChecked_AndRaisesClaimRefused()
    {
        await using var stolen = await StolenLocker.StartAsync();

        for (var i = 0; i < 30; i++)
        {
            await stolen.EnterAsync($"{100000 + i * 7919}", reader: $"kp-{i}"); // a new reader every guess
        }
        await stolen.EnterAsync(stolen.Codes.Pin, reader: "kp-99");            // the real PIN slipped in
        await stolen.WaitForGatewayAsync();

        Assert.DoesNotContain(await stolen.CommandsAsync(), command => command.Action == CommandActions.Unlock);
        Assert.Equal(ReservationStatus.ReadyForPickup, await stolen.ParcelStatusAsync());
        Assert.Equal(31, await stolen.CountAuditAsync(AuditActions.CodeReaderRefused));
        Assert.DoesNotContain(await stolen.AuditAsync(), entry => entry.Actor.StartsWith("keypad:kp-", StringComparison.Ordinal)
            && entry.Action is AuditActions.CodeRejected or AuditActions.CodeAccepted);
        Assert.Equal(31, stolen.System.Gateway.Factory.Service<LinkCounters>().ClaimsRefused);
        await stolen.WaitForAlarmAsync(AlarmKinds.ClaimRefused);
        var alarm = (await stolen.OpenAlarmsAsync()).Single(a => a.Kind == AlarmKinds.ClaimRefused);
        Assert.Equal((StolenLocker.LockerId, AlarmSeverity.Critical), (alarm.LockerId, alarm.Severity));
        Assert.Contains("is not a keypad locker", alarm.Detail);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);
    }

    [Fact]
    public async Task Finding2_TheScannersIdUsedForKeypadEntries_IsRefusedToo()
    {
        await using var stolen = await StolenLocker.StartAsync();

        await stolen.EnterAsync(stolen.Codes.Pin, CodeSources.Keypad, reader: StolenLocker.Scanner);
        await stolen.EnterAsync(stolen.Codes.QrToken, CodeSources.Qr, reader: StolenLocker.Keypad);
        await stolen.WaitForGatewayAsync();

        Assert.Equal(2, await stolen.CountAuditAsync(AuditActions.CodeReaderRefused));
        Assert.Equal(ReservationStatus.ReadyForPickup, await stolen.ParcelStatusAsync());
    }

    [Fact]
    public async Task Finding10_InvalidUtf8AndControlCharacters_NeverReachTheAuditLog_AndRaiseClaimRefused()
    {
        await using var stolen = await StolenLocker.StartAsync();
        var broken = Encoding.UTF8.GetBytes("{\"seq\":2001,\"kind\":\"tamper\",\"uptime_ms\":1,\"detail\":\"case XX opened\"}");
        broken[Array.IndexOf(broken, (byte)'X')] = 0xC3;
        broken[Array.IndexOf(broken, (byte)'X')] = 0x28; // an invalid two-byte sequence

        await stolen.PublishRawAsync(Topics.Event(StolenLocker.LockerId), broken);
        await stolen.PublishAsync(LockerEvent.Tamper("lid\u0007\u001b[2J\nforged audit line"));
        await stolen.PublishAsync(LockerEvent.Boot("1.0\u202Eevil", 3, []));
        await stolen.WaitForGatewayAsync();

        var audit = await stolen.AuditAsync();
        Assert.DoesNotContain(audit, entry => (entry.Detail ?? "").Any(c => char.IsControl(c) || c is '\uFFFD' or '\u202E'));
        Assert.DoesNotContain(audit, entry => entry.Action is AuditActions.Tamper or AuditActions.Boot);
        Assert.Equal(3, stolen.System.Gateway.Factory.Service<LinkCounters>().Dropped(LinkDropReason.InvalidText));
        await stolen.WaitForAlarmAsync(AlarmKinds.ClaimRefused);
        var alarm = (await stolen.OpenAlarmsAsync()).Single(a => a.Kind == AlarmKinds.ClaimRefused);
        Assert.StartsWith("message on lockers/v1/", alarm.Detail);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);
    }

    [Fact]
    public async Task Finding10_AbsurdTelemetry_IsNeverStored_AndRaisesSensorFault()
    {
        await using var stolen = await StolenLocker.StartAsync();
        var absurd = Encoding.UTF8.GetBytes(
            "{\"uptime_ms\":60000,\"free_mem\":80000,\"rssi_dbm\":900,\"supply_mv\":2147483647,\"temp_c\":1e300,\"fw\":\"0.1.0\",\"journal\":0,\"dropped\":0}");

        await stolen.PublishRawAsync(Topics.Telemetry(StolenLocker.LockerId), absurd);
        await stolen.WaitForGatewayAsync();
        await stolen.WaitForAlarmAsync(AlarmKinds.SensorFault);

        var samples = await stolen.System.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Monitoring.ListTelemetryAsync(StolenLocker.LockerId, 10));
        var sample = Assert.Single(samples);
        Assert.Equal((null, null, null), (sample.SignalDbm, sample.SupplyMv, sample.TemperatureC));
        Assert.Equal(60_000, sample.UptimeMs); // the plausible figures are kept
    }
}

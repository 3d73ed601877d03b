using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Architecture;
using Lockers.Gateway.Tests.Infrastructure;
using Mono.Cecil.Cil;
using static Lockers.Gateway.Tests.Monitoring.MonitoringGateway;

namespace Lockers.Gateway.Tests.Store;

/// <summary>
/// Stored times are whole milliseconds, and the rule is applied once (gateway/Lockers.Gateway/Store/StoreTime.cs): every "now" comes from
/// <see cref="StoreTime.GetStoreNow"/>, and the SQLite store converts times only through StoreTime.
/// </summary>
public sealed class StoreTimeTests
{
    private static readonly DateTimeOffset SubMillisecond = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    [Fact]
    public void Truncate_DropsTicksBelowOneMillisecond()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, 123, TimeSpan.Zero), StoreTime.Truncate(SubMillisecond));
        Assert.Equal(StoreTime.Truncate(SubMillisecond), StoreTime.FromStored(StoreTime.ToStored(SubMillisecond)));
    }

    [Fact]
    public void Clock_IsReadOnlyThroughStoreTime()
    {
        string[] clockReads =
        [
            "System.DateTimeOffset System.TimeProvider::GetUtcNow()",
            "System.DateTimeOffset System.TimeProvider::GetLocalNow()",
            "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
            "System.DateTimeOffset System.DateTimeOffset::get_Now()",
            "System.DateTime System.DateTime::get_UtcNow()",
            "System.DateTime System.DateTime::get_Now()",
            "System.DateTime System.DateTime::get_Today()",
        ];

        var byStoreTime = GatewayIl.Methods().Where(m => m.Source.FullName == typeof(StoreTime).FullName)
            .SelectMany(m => GatewayIl.Calls(m.Method)).Select(call => call.FullName);
        Assert.Contains(clockReads[0], byStoreTime); // the check below sees calls at all

        var readers = GatewayIl.Methods()
            .Where(m => m.Source.FullName != typeof(StoreTime).FullName)
            .SelectMany(m => GatewayIl.Calls(m.Method).Where(call => clockReads.Contains(call.FullName)).Select(call => $"{m.Method.FullName} calls {call.Name}"))
            .Distinct()
            .ToList();

        Assert.True(readers.Count == 0, "Read the time with TimeProvider.GetStoreNow() (Store/StoreTime), not:\n" + string.Join("\n", readers));
    }

    [Fact]
    public void SqliteStore_BindsNoRawTime_AndConvertsOnlyThroughStoreTime()
    {
        var problems = new List<string>();
        foreach (var (method, source) in GatewayIl.Methods().Where(m => m.Source.Namespace == "Lockers.Gateway.Store.Sqlite"))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.OpCode == OpCodes.Box && instruction.Operand is Mono.Cecil.TypeReference boxed && boxed.FullName.Contains("System.DateTime"))
                {
                    problems.Add($"{method.FullName} binds a {boxed.Name} as it is (use SqliteValues.Time)");
                }

                if (instruction.Operand is Mono.Cecil.MethodReference call && call.DeclaringType.FullName == "System.DateTimeOffset" && call.Name.Contains("UnixTime"))
                {
                    problems.Add($"{method.FullName} converts with {call.Name} (use StoreTime)");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task TelemetryAtASubMillisecondInstant_LiveUpdateShowsTheTimeTheStoreKeeps()
    {
        await using var gateway = await StartAsync();
        gateway.Time.Advance(SubMillisecond - gateway.Time.GetUtcNow());
        using var live = gateway.Service<LiveFeed>().Subscribe();

        await gateway.Service<LockerHealthFeed>().FeedAsync("test-a", Telemetry());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var update = await live.ReadAllAsync(timeout.Token).FirstAsync(u => u.Topic == "telemetry", timeout.Token);
        var stored = await gateway.Service<ILockerStore>().ReadAsync(tx => tx.Monitoring.ListTelemetryAsync("test-a", 1));
        Assert.Equal(Assert.Single(stored).At, ((TelemetrySample)update.Data).At);
        Assert.Equal(StoreTime.Truncate(SubMillisecond), update.At);
    }
}

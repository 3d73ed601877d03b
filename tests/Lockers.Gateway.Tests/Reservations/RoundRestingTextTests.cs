using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;
using Lockers.Gateway.Link;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Couriers;
using Lockers.Gateway.Tests.Recipients;

namespace Lockers.Gateway.Tests.Reservations;

/// <summary>
/// A courier round's guidance rests on the locker's display while the round lives (ADR 0311): every step of a live round
/// carries, as retry_after_s, the seconds until the gateway would give the round up as idle; the round's last text none.
/// </summary>
public sealed class RoundRestingTextTests
{
    private const string Reader = "kp-1";
    private static readonly int IdleSeconds = (int)TimeSpan.FromMinutes(new Lockers.Gateway.Couriers.CouriersOptions().RoundIdleMinutes).TotalSeconds;

    [Fact]
    public async Task LiveRoundSteps_RestUntilTheRoundWouldGoIdle_TheEndStepDoesNot()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var round = await RoundAsync(gateway);

        var (first, firstCommands) = await round.RunAsync(async (tx, rounds, locker, courier) => await rounds.StartAsync(tx, courier, locker, Reader));
        Assert.Equal(MessageKeys.RoundDeposit, first.MessageKey);
        Assert.Equal(IdleSeconds, first.RestSeconds);
        Assert.Equal(IdleSeconds, Text(firstCommands).RetryAfterS);
        Assert.Equal(0, Assert.Single(firstCommands, c => c.Action == CommandActions.Unlock).RetryAfterS);

        // The door opened two minutes later: the instruction again, resting only as long as the round has left.
        gateway.Gateway.Time.Advance(TimeSpan.FromMinutes(2));
        var (again, againCommands) = await round.RunAsync(async (tx, rounds, _, _) => await rounds.AfterDoorOpenedAsync(tx, first.Unlock!.Value));
        Assert.Equal(IdleSeconds - 120, again.RestSeconds);
        Assert.Equal(IdleSeconds - 120, Text(againCommands).RetryAfterS);

        // 9#: the round is over, so its last text shows for the display's usual hold and then the locker is idle again.
        var (end, endCommands) = await round.RunAsync(async (tx, rounds, locker, _) => await rounds.HandleKeyAsync(tx, locker, CourierRoundService.EndKey));
        Assert.Equal(MessageKeys.RoundDone, end.MessageKey);
        Assert.Equal(0, end.RestSeconds);
        Assert.Equal(0, Text(endCommands).RetryAfterS);
        Assert.DoesNotContain("\"retry_after_s\"", System.Text.Encoding.UTF8.GetString(Text(endCommands).ToJson()));
    }

    [Fact]
    public async Task RoundLeftIdle_NextKeyEndsIt_ItsLastTextDoesNotRest()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var round = await RoundAsync(gateway);
        await round.RunAsync(async (tx, rounds, locker, courier) => await rounds.StartAsync(tx, courier, locker, Reader));

        // The locker dropped the guidance at the same moment (its resting time ran out); the gateway ends the round on the next key.
        gateway.Gateway.Time.Advance(TimeSpan.FromSeconds(IdleSeconds + 1));
        var (end, endCommands) = await round.RunAsync(async (tx, rounds, locker, _) => await rounds.HandleKeyAsync(tx, locker, CourierRoundService.SkipKey));

        Assert.Equal(MessageKeys.RoundDone, end.MessageKey);
        Assert.Equal(0, Text(endCommands).RetryAfterS);
        Assert.Null(await gateway.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Rounds.FindOpenAsync(round.LockerId)));
    }

    [Fact]
    public async Task DidNotFitAndNoLargerDoor_TheRoundGoesOn_ItsTextRests()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        // The station has no door larger than M: an M parcel that does not fit stays with the courier.
        var round = await RoundAsync(gateway, size: "M", parcels: 1);
        var (first, _) = await round.RunAsync(async (tx, rounds, locker, courier) => await rounds.StartAsync(tx, courier, locker, Reader));
        Assert.Equal(MessageKeys.RoundDeposit, first.MessageKey);

        var (noLarger, commands) = await round.RunAsync(async (tx, rounds, locker, _) => await rounds.HandleKeyAsync(tx, locker, CourierRoundService.DidNotFitKey));

        Assert.Equal(MessageKeys.RoundNoLarger, noLarger.MessageKey);
        Assert.Equal(IdleSeconds, Text(commands).RetryAfterS);
    }

    private static SignedCommand Text(IReadOnlyList<SignedCommand> commands) => Assert.Single(commands, c => c.Action == CommandActions.ShowMessageKey);

    /// <summary>The station's locker with a command key, <paramref name="parcels"/> of the carrier's drop-offs of <paramref name="size"/> booked there, and a courier.</summary>
    private static async Task<RoundDriver> RoundAsync(RecipientGateway gateway, string size = "S", int parcels = 2)
    {
        var lockerId = RecipientGateway.Sites.Single(s => s.Site.Id == RecipientGateway.Station).Lockers[0].Id;
        var keys = gateway.Gateway.Factory.Service<CommandKeys>();
        await gateway.Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.SaveCredentialsAsync(
            new LockerCredentials(lockerId, lockerId, "hash", keys.Seal(lockerId, CommandKeys.Generate()), gateway.Gateway.Time.GetUtcNow())));
        for (var i = 0; i < parcels; i++)
        {
            await gateway.BookAsync(size: size, parcel: $"JP-R{i}");
        }

        var courier = await CourierApiTests.IssueAsync(gateway, "Sato");
        return new RoundDriver(gateway, lockerId, courier.Courier.Id);
    }

    /// <summary>Runs a round call and signs its step, in one unit of work, as the link does.</summary>
    private sealed record RoundDriver(RecipientGateway Gateway, string LockerId, string CourierId)
    {
        public async Task<(RoundStep Step, IReadOnlyList<SignedCommand> Commands)> RunAsync(
            Func<IStoreTransaction, CourierRoundService, Lockers.Gateway.Registry.Locker, Lockers.Gateway.Couriers.Courier, Task<RoundStep?>> call)
        {
            var services = Gateway.Gateway.Factory;
            return await services.Service<ILockerStore>().ExecuteAsync(async tx =>
            {
                var locker = (await tx.Registry.GetLockerAsync(LockerId))!;
                var courier = (await tx.Couriers.GetAsync(CourierId))!;
                var step = await call(tx, services.Service<CourierRoundService>(), locker, courier);
                Assert.NotNull(step);
                return (step!, await services.Service<RoundStepCommands>().SignAsync(tx, step));
            });
        }
    }
}

using Lockers.Core.Board;
using System.Security.Cryptography;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;

namespace Lockers.Bench.Gateway;

/// <summary>One simulated locker as seeded: its id, site, command key and the parcels waiting in it (door, PIN).</summary>
public sealed record SeededLocker(string Id, string SiteId, byte[] CommandKey, Queue<ReadyParcel> Parcels);

/// <summary>A parcel ready for pickup behind <paramref name="Compartment"/>, opened by <paramref name="Pin"/>.</summary>
public readonly record struct ReadyParcel(int Compartment, string Pin);

/// <summary>
/// Seeds a bench store through the gateway's own services and repositories: sites of up to four controllers
/// (docs/architecture.md: 1-4 per site), each controller with its compartments, a command key sealed as provisioning seals
/// it, and parcels already deposited (reservation ready_for_pickup, compartment held, PIN stored as its HMAC under
/// the pepper). Written in batches of units of work: the deposit flow is not what the benchmarks measure, and
/// booking plus depositing 60,000 parcels one by one over MQTT would take longer than the measurement.
/// </summary>
public static class BenchFleet
{
    public const string Pepper = "bench-pepper-0123456789abcdefghijklmnopqrstuvwxyz";
    public const int LockersPerSite = 4;
    private const int LockersPerUnitOfWork = 50;

    /// <summary>Locker ids bench-00000, bench-00001, ...; sites bench-site-0000, ...</summary>
    public static string LockerId(int index) => $"bench-{index:D5}";

    public static async Task<IReadOnlyList<SeededLocker>> SeedAsync(
        string dataDirectory, int lockers, int compartments, int parcelsPerLocker, TextWriter progress)
    {
        await using var gateway = new SeedingGateway(dataDirectory, Pepper);
        var store = gateway.Service<ILockerStore>();
        var keys = gateway.Service<CommandKeys>();
        var hasher = gateway.Service<CodeHasher>();
        var time = gateway.Service<TimeProvider>();
        var client = await gateway.Service<ApiClientService>().CreateKeyAsync("bench", null);
        // Lockers authenticate as one shared broker user in the bench (see docs/performance.md); the stored hash is
        // never checked by the broker, so one hash serves every row.
        var passwordHash = BrokerPasswordHash.Create(BrokerPasswordHash.NewPassword());
        var seeded = new List<SeededLocker>(lockers);
        var pinsBySite = new Dictionary<string, HashSet<string>>();
        for (var first = 0; first < lockers; first += LockersPerUnitOfWork)
        {
            var batch = Enumerable.Range(first, Math.Min(LockersPerUnitOfWork, lockers - first)).ToList();
            var made = new List<SeededLocker>();
            await store.ExecuteAsync(async tx =>
            {
                var now = time.GetStoreNow();
                foreach (var index in batch)
                {
                    var siteId = $"bench-site-{index / LockersPerSite:D4}";
                    if (index % LockersPerSite == 0 || index == first)
                    {
                        await tx.Registry.UpsertSiteAsync(new Site(siteId, "Bench site " + (index / LockersPerSite)));
                    }

                    var id = LockerId(index);
                    await tx.Registry.UpsertLockerAsync(new Locker(id, siteId, "Bench locker " + index));
                    for (var number = 1; number <= compartments; number++)
                    {
                        await tx.Registry.UpsertCompartmentAsync(new Compartment(id, number, CompartmentSize.S, (number - 1) / 8, (number - 1) % 8, false));
                    }

                    var key = CommandKeys.Generate();
                    await tx.LockerLink.SaveCredentialsAsync(new LockerCredentials(id, id, passwordHash, keys.Seal(id, key), now));
                    // The bench lockers enter codes at their keypad, named like the locker, as provisioning records it (ADR 0109).
                    await tx.LockerLink.SaveReadersAsync(id, ProvisionedReader.Of(id, id + "-qr"));
                    var parcels = new Queue<ReadyParcel>();
                    var pins = pinsBySite.TryGetValue(siteId, out var taken) ? taken : pinsBySite[siteId] = new HashSet<string>();
                    for (var number = 1; number <= Math.Min(parcelsPerLocker, compartments); number++)
                    {
                        var pin = NewPin(pins);
                        await DepositAsync(tx, hasher, client.ClientId, siteId, new CompartmentRef(id, number), pin, now);
                        parcels.Enqueue(new ReadyParcel(number, pin));
                    }

                    made.Add(new SeededLocker(id, siteId, key, parcels));
                }
            });
            seeded.AddRange(made);
            if ((first / LockersPerUnitOfWork) % 40 == 39)
            {
                progress.WriteLine($"  seeded {seeded.Count:N0} of {lockers:N0} lockers");
            }
        }

        return seeded;
    }

    /// <summary>What booking and a completed deposit leave in the store, written directly.</summary>
    private static async Task DepositAsync(
        IStoreTransaction tx, CodeHasher hasher, string clientId, string siteId, CompartmentRef compartment, string pin, DateTimeOffset now)
    {
        var reservation = new Reservation
        {
            Id = $"rsv_bench_{compartment.LockerId}_{compartment.Number}",
            ClientId = clientId,
            SiteId = siteId,
            Size = CompartmentSize.S,
            Accessible = false,
            ParcelReference = $"BENCH-{compartment.LockerId}-{compartment.Number}",
            RecipientEmail = "bench@example.org",
            PickupWindowHours = 72,
            Status = ReservationStatus.ReadyForPickup,
            Compartment = compartment,
            CreatedAt = now,
            DepositedAt = now,
            PickupDeadline = now.AddHours(72),
        };
        await tx.Reservations.InsertAsync(reservation);
        if (!await tx.Registry.TryHoldAsync(compartment, reservation.Id))
        {
            throw new InvalidOperationException($"compartment {compartment} is already held");
        }

        await tx.Codes.InsertAsync(reservation.Id, siteId, CodeKind.PickupPin, hasher.HashCode(siteId, pin), now);
    }

    /// <summary>A 6-digit PIN not yet live at the site (the gateway's rule: unique among live codes per site).</summary>
    private static string NewPin(HashSet<string> taken)
    {
        while (true)
        {
            var pin = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(pin))
            {
                return pin;
            }
        }
    }
}

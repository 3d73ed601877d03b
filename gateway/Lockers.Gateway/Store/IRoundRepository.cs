using Lockers.Gateway.Reservations.Rounds;

namespace Lockers.Gateway.Store;

public interface IRoundRepository
{
    /// <summary>The locker's open round (at most one), ended or idle or not.</summary>
    Task<CourierRound?> FindOpenAsync(string lockerId);

    /// <summary>The open round whose current parcel this reservation is.</summary>
    Task<CourierRound?> FindOpenByReservationAsync(string reservationId);

    /// <summary>Writes a new round and returns its id.</summary>
    Task<long> InsertAsync(CourierRound round);

    Task UpdateAsync(CourierRound round);
}

using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Reservations;

public sealed class ReservationsOptionsValidator : OptionsValidator<ReservationsOptions>
{
    protected override void Check(ReservationsOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.DefaultPickupWindowHours), o.DefaultPickupWindowHours, PickupWindow.MinHours, PickupWindow.MaxHours, " hours");
        problems.Range(nameof(o.MaxPickupWindowHours), o.MaxPickupWindowHours, PickupWindow.MinHours, PickupWindow.MaxHours, " hours");
        problems.Require(o.DefaultPickupWindowHours <= o.MaxPickupWindowHours, nameof(o.DefaultPickupWindowHours),
            $"cannot exceed {problems.Key(nameof(o.MaxPickupWindowHours))} ({o.DefaultPickupWindowHours} > {o.MaxPickupWindowHours}).");
        problems.HttpUrl(nameof(o.PublicBaseUrl), o.PublicBaseUrl, required: true);
        problems.Range(nameof(o.MaxPageSize), o.MaxPageSize, 1, 1000);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Lockers.Gateway.Reservations;

/// <summary>Section "Reservations".</summary>
public sealed class ReservationsOptions : IValidatableObject
{
    public const string Section = "Reservations";

    /// <summary>Pickup window when a booking does not ask for one (hours from deposit).</summary>
    [Range(1, 720, ErrorMessage = "Reservations:DefaultPickupWindowHours must be between 1 and 720.")]
    public int DefaultPickupWindowHours { get; set; } = 72;

    /// <summary>Upper bound of a window, extensions included.</summary>
    [Range(1, 720, ErrorMessage = "Reservations:MaxPickupWindowHours must be between 1 and 720.")]
    public int MaxPickupWindowHours { get; set; } = 168;

    /// <summary>Base of the recipient's access link (QR page) put into ready_for_pickup webhooks.</summary>
    [Required, Url(ErrorMessage = "Reservations:PublicBaseUrl must be an absolute URL.")]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultPickupWindowHours > MaxPickupWindowHours)
        {
            yield return new ValidationResult("Reservations:DefaultPickupWindowHours cannot exceed Reservations:MaxPickupWindowHours.");
        }
    }
}

using System.Buffers.Text;
using System.Text;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Reservations;

/// <summary>Opaque page cursors: base64url of "createdAtMs:id". Opaque so the format can change.</summary>
public static class ReservationCursorCodec
{
    public static string Encode(Reservation last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{StoreTime.ToStored(last.CreatedAt)}:{last.Id}"));

    public static bool TryDecode(string text, out ReservationCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':', 2);
            if (parts.Length == 2 && long.TryParse(parts[0], out var ms) && ms >= 0 && parts[1].StartsWith("rsv_", StringComparison.Ordinal))
            {
                cursor = new ReservationCursor(StoreTime.FromStored(ms), parts[1]);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}

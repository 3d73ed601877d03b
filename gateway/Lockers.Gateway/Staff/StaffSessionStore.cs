using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Staff;

/// <summary>
/// Server-side dashboard sessions (ADR 0302), the cookie handler's session store: the cookie carries only a random key, the
/// ticket lives in the store under the key's SHA-256. A session ends when its row does: at sign-out (the cookie handler
/// removes it), or when <see cref="StaffService"/> revokes every session of an account (password or role changed, account
/// disabled), so a copied cookie stops working at once on every gateway. On each request the ticket's role is replaced by
/// the account's current one, and a disabled account has no session.
/// </summary>
public sealed class StaffSessionStore(ILockerStore store, IOptions<StaffOptions> options, TimeProvider time) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = CodeGenerator.Token(32);
        var now = time.GetStoreNow();
        await store.ExecuteAsync(async tx =>
        {
            await tx.Staff.DeleteExpiredSessionsAsync(now);
            await tx.Staff.InsertSessionAsync(Hash(key), ticket.Principal.UserName(), TicketSerializer.Default.Serialize(ticket), now,
                ExpiresAt(ticket, now));
        });
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = time.GetStoreNow();
        return store.ExecuteAsync(tx => tx.Staff.UpdateSessionAsync(Hash(key), TicketSerializer.Default.Serialize(ticket), ExpiresAt(ticket, now)));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var session = await store.ReadAsync(tx => tx.Staff.FindSessionAsync(Hash(key), time.GetStoreNow()));
        if (session is null || session.Account.IsDisabled || TicketSerializer.Default.Deserialize(session.Ticket) is not { } ticket)
        {
            return null;
        }
        // The role is the account's now, not what it was at sign-in.
        var identity = new ClaimsIdentity(
            ticket.Principal.Claims.Where(claim => claim.Type is not (ClaimTypes.Role or StaffPolicies.SessionClaim))
                .Append(new Claim(ClaimTypes.Role, session.Account.Role.ToWire()))
                .Append(new Claim(StaffPolicies.SessionClaim, Convert.ToBase64String(Hash(key)))),
            ticket.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, ticket.AuthenticationScheme);
    }

    public Task RemoveAsync(string key) => store.ExecuteAsync(tx => tx.Staff.DeleteSessionAsync(Hash(key)));

    /// <summary>
    /// Cancels <paramref name="ended"/> once the session of <paramref name="user"/> is gone (signed out, revoked, expired, the
    /// account disabled), checking every <paramref name="interval"/>: for requests that outlive a check at their start (the
    /// dashboard's live event stream). Returns when the session ends or <paramref name="ended"/> is cancelled.
    /// </summary>
    public async Task EndWhenGoneAsync(ClaimsPrincipal user, CancellationTokenSource ended, TimeSpan interval)
    {
        if (user.FindFirst(StaffPolicies.SessionClaim)?.Value is not { } claim)
        {
            return;
        }
        var keyHash = Convert.FromBase64String(claim);
        try
        {
            while (!ended.IsCancellationRequested)
            {
                await Task.Delay(interval, time, ended.Token);
                var session = await store.ReadAsync(tx => tx.Staff.FindSessionAsync(keyHash, time.GetStoreNow()), ended.Token);
                if (session is null || session.Account.IsDisabled)
                {
                    await ended.CancelAsync();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // the request ended first (its token source cancelled or already disposed), or the session did
        }
    }

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + TimeSpan.FromMinutes(options.Value.SessionMinutes);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

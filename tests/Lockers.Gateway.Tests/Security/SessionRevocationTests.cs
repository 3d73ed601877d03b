using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Tests.Monitoring;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, finding 7, against real Kestrel with a thief's copy of the session cookie (a second client that sends the same
/// Cookie header). Before: the cookie carried the whole ticket, so a copy taken before sign-out kept working after it, and a
/// session kept its role after the account was demoted or its password changed.
/// </summary>
public sealed class SessionRevocationTests
{
    private const string Fleet = "/dashboard/api/fleet";
    private const string OpenDoor = "/dashboard/api/lockers/test-a/compartments/1/open";

    [Fact]
    public async Task Finding7_CopiedCookie_StopsWorkingAtSignOut()
    {
        using var system = await StartAsync(StaffRole.Viewer);
        var (owner, thief) = await SignInAndCopyAsync(system);
        Assert.Equal(HttpStatusCode.OK, (await thief.Http.GetAsync(Fleet)).StatusCode);

        using var signedOut = await owner.PostAsync("/dashboard/api/sign-out", new { });

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.GetAsync(Fleet)).StatusCode);
    }

    [Fact]
    public async Task Finding7_DemotedAccount_LosesItsRoleAtOnce()
    {
        using var system = await StartAsync(StaffRole.Maintenance);
        var (_, thief) = await SignInAndCopyAsync(system);

        await system.Service<StaffService>().ChangeRoleAsync("alice", StaffRole.Viewer, "admin:test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.PostAsync(OpenDoor, new { reason = "let me in" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.GetAsync(Fleet)).StatusCode);
    }

    [Fact]
    public async Task Finding7_PasswordChange_EndsACopiedSession()
    {
        using var system = await StartAsync(StaffRole.Viewer);
        var (owner, thief) = await SignInAndCopyAsync(system);

        using var changed = await owner.PostAsync("/dashboard/api/password", new { current = StaffClient.Password, @new = "another long passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.GetAsync(Fleet)).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_CopiedSessionEndsAtOnce_AndItsLiveStreamCloses()
    {
        using var system = await StartAsync(StaffRole.Viewer);
        var (_, thief) = await SignInAndCopyAsync(system);
        using var stream = await thief.Http.GetAsync("/dashboard/api/events", HttpCompletionOption.ResponseHeadersRead);
        var events = await stream.Content.ReadAsStreamAsync();

        await system.Service<StaffService>().SetDisabledAsync("alice", true, "admin:test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.GetAsync(Fleet)).StatusCode);
        // The open stream ends within its session check (5 s); reading to the end returns instead of waiting forever.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await events.CopyToAsync(Stream.Null, timeout.Token);
    }

    private static async Task<KestrelGateway> StartAsync(StaffRole role)
    {
        var system = await KestrelGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Staff:SecureCookies"] = "false", // plain HTTP here; behind the proxy the cookie is Secure
            ["Staff:PasswordIterations"] = "100000",
        });
        await system.Service<StaffService>().SaveAsync("alice", role, StaffClient.Password, "test");
        return system;
    }

    /// <summary>The owner signs in; the thief gets a client that sends the owner's cookies (session and anti-forgery) and token.</summary>
    private static async Task<(CookieClient Owner, CookieClient Thief)> SignInAndCopyAsync(KestrelGateway system)
    {
        var owner = new CookieClient(system.Client());
        await owner.SignInAsync("alice");
        var thief = new CookieClient(system.Client());
        thief.CopyFrom(owner);
        return (owner, thief);
    }

    /// <summary>A browser in miniature: keeps the cookies it is given in one Cookie header, and the anti-forgery token.</summary>
    private sealed class CookieClient(HttpClient http)
    {
        private readonly Dictionary<string, string> _cookies = new();
        private string? _csrf;

        public HttpClient Http => Send(http);

        public void CopyFrom(CookieClient other)
        {
            foreach (var (name, value) in other._cookies)
            {
                _cookies[name] = value;
            }
            _csrf = other._csrf;
        }

        public async Task SignInAsync(string user)
        {
            Keep(await Http.GetAsync("/dashboard/api/session"), session: true);
            using var response = await PostAsync("/dashboard/api/sign-in", new { user, password = StaffClient.Password });
            response.EnsureSuccessStatusCode();
        }

        public async Task<HttpResponseMessage> PostAsync(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add(StaffSetup.AntiforgeryHeaderName, _csrf);
            return Keep(await Http.SendAsync(request), session: path.EndsWith("sign-in", StringComparison.Ordinal));
        }

        private HttpClient Send(HttpClient client)
        {
            client.DefaultRequestHeaders.Remove("Cookie");
            if (_cookies.Count > 0)
            {
                client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            return client;
        }

        private HttpResponseMessage Keep(HttpResponseMessage response, bool session)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';')[0].Split('=', 2);
                    _cookies[pair[0]] = pair[1];
                }
            }
            if (session && response.IsSuccessStatusCode)
            {
                _csrf = response.Content.ReadFromJsonAsync<StaffApi.SessionResponse>().GetAwaiter().GetResult()!.CsrfToken;
            }
            return response;
        }
    }
}

using System.Net.Http.Json;
using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Signs in like the dashboard's JavaScript does: fetch the session's anti-forgery token, then POST with it.</summary>
public sealed class StaffClient(HttpClient http)
{
    public const string Password = "correct horse battery staple";

    public HttpClient Http { get; } = http;

    public string? CsrfToken { get; private set; }

    public async Task<StaffApi.SessionResponse> SessionAsync()
    {
        var session = (await Http.GetFromJsonAsync<StaffApi.SessionResponse>("/dashboard/api/session"))!;
        CsrfToken = session.CsrfToken;
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string user, string password = Password)
    {
        await SessionAsync();
        var response = await PostAsync("/dashboard/api/sign-in", new { user, password });
        if (response.IsSuccessStatusCode)
        {
            CsrfToken = (await response.Content.ReadFromJsonAsync<StaffApi.SessionResponse>())!.CsrfToken;
        }
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (withToken && CsrfToken is not null)
        {
            request.Headers.Add(StaffSetup.AntiforgeryHeaderName, CsrfToken);
        }
        return Http.SendAsync(request);
    }

    public static async Task<StaffClient> SignedInAsync(MonitoringGateway gateway, string user)
    {
        var client = new StaffClient(gateway.CreateClient());
        var response = await client.SignInAsync(user);
        response.EnsureSuccessStatusCode();
        return client;
    }
}

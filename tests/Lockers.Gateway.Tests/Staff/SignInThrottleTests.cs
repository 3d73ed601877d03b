using System.Net;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Monitoring;

namespace Lockers.Gateway.Tests.Staff;

/// <summary>Password guessing at the dashboard's sign-in is slowed down, per user name and per client address.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FreeAttempts_ThenADelay_ThatDoubles_UpToTheMaximum()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerUser - 1; i++)
        {
            throttle.Failed("alice", "10.0.0.1");
            Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));
        }

        throttle.Failed("alice", "10.0.0.1");
        Assert.Equal(SignInThrottle.FirstDelay, throttle.RetryAfter("alice", "10.0.0.2"));
        _time.Advance(SignInThrottle.FirstDelay);
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.2"));

        throttle.Failed("alice", "10.0.0.1");
        Assert.Equal(SignInThrottle.FirstDelay * 2, throttle.RetryAfter("ALICE", "10.0.0.3"));
        for (var i = 0; i < 20; i++)
        {
            throttle.Failed("alice", "10.0.0.1");
        }

        Assert.Equal(SignInThrottle.MaxDelay, throttle.RetryAfter("alice", "10.0.0.4"));
    }

    [Fact]
    public void Success_ClearsTheUserName_AndOtherUsersAreNotHeldBack()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerUser - 1; i++)
        {
            throttle.Failed("alice", "10.0.0.1");
        }

        throttle.Succeeded("alice");
        throttle.Failed("alice", "10.0.0.1");
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));

        for (var i = 0; i < SignInThrottle.FreeAttemptsPerUser; i++)
        {
            throttle.Failed("mallory", "10.0.0.9");
        }

        Assert.NotNull(throttle.RetryAfter("mallory", "10.0.0.1"));
        Assert.Null(throttle.RetryAfter("alice", "10.0.0.1"));
    }

    [Fact]
    public void ManyUserNamesFromOneClient_HoldBackThatClient()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerClient; i++)
        {
            throttle.Failed($"user{i}", "10.0.0.66");
        }

        Assert.NotNull(throttle.RetryAfter("someone-new", "10.0.0.66"));
        Assert.Null(throttle.RetryAfter("someone-new", "10.0.0.67"));
    }

    [Fact]
    public void TrackedEntries_AreBounded()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.MaxTracked + 100; i++)
        {
            throttle.Failed($"user{i}", $"client{i}");
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(SignInThrottle.MaxTracked, throttle.Tracked);

        // The newest are still tracked after the oldest were forgotten.
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerUser - 1; i++)
        {
            throttle.Failed($"user{SignInThrottle.MaxTracked + 99}", "x");
        }

        Assert.NotNull(throttle.RetryAfter($"user{SignInThrottle.MaxTracked + 99}", "y"));
    }

    [Fact]
    public async Task SignIn_AfterRepeatedWrongPasswords_Is429WithRetryAfter_EvenWithTheRightPassword()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.AddStaffAsync("alice", StaffRole.Admin);
        var client = new StaffClient(gateway.CreateClient());
        for (var i = 0; i < SignInThrottle.FreeAttemptsPerUser; i++)
        {
            using var wrong = await client.SignInAsync("alice", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var held = await client.SignInAsync("alice");

        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.NotNull(held.Headers.RetryAfter);
        Assert.Contains("Too many failed sign-ins", await held.Content.ReadAsStringAsync());
    }
}

using System.Security.Cryptography;
using Hub.Host.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Host.Tests.Webhooks;

/// <summary>The memory of signed calls already taken in: it refuses a second use, forgets what its window has passed, and never grows without end.</summary>
public sealed class WebhookReplayGuardTests
{
    [Fact]
    public void A_signature_is_taken_once_and_forgotten_once_its_timestamp_is_past_the_window()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var guard = new WebhookReplayGuard(clock);
        var signedAt = clock.GetUtcNow();
        var signatures = Enumerable.Range(0, 100).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();

        Assert.All(signatures, s => Assert.Equal(WebhookReplayGuard.Outcome.FirstUse, guard.Remember("servicedesk", s, signedAt)));
        Assert.Equal(WebhookReplayGuard.Outcome.Replayed, guard.Remember("servicedesk", signatures[0], signedAt));
        Assert.Equal(WebhookReplayGuard.Outcome.FirstUse, guard.Remember("facility", signatures[0], signedAt)); // another system, another secret
        Assert.Equal(101, guard.Count);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2)); // the timestamp check refuses them from now on
        Assert.Equal(WebhookReplayGuard.Outcome.FirstUse, guard.Remember("servicedesk", RandomNumberGenerator.GetBytes(32), clock.GetUtcNow()));
        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void When_its_memory_is_full_new_calls_are_refused_rather_than_an_old_one_forgotten()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var guard = new WebhookReplayGuard(clock);
        var first = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(WebhookReplayGuard.Outcome.FirstUse, guard.Remember("servicedesk", first, clock.GetUtcNow()));
        for (var i = 1; i < WebhookReplayGuard.Capacity; i++)
        {
            Assert.Equal(WebhookReplayGuard.Outcome.FirstUse, guard.Remember("servicedesk", RandomNumberGenerator.GetBytes(32), clock.GetUtcNow()));
        }

        Assert.Equal(WebhookReplayGuard.Outcome.Full, guard.Remember("servicedesk", RandomNumberGenerator.GetBytes(32), clock.GetUtcNow()));
        Assert.Equal(WebhookReplayGuard.Outcome.Replayed, guard.Remember("servicedesk", first, clock.GetUtcNow()));
        Assert.Equal(WebhookReplayGuard.Capacity, guard.Count);
    }
}

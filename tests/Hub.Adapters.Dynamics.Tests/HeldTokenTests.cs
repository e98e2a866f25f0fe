using Hub.Adapters.Dynamics.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Adapters.Dynamics.Tests;

/// <summary>The token the hub holds between Dataverse requests, on the hub's clock (the sign-in itself: <see cref="SignInTests"/>).</summary>
public sealed class HeldTokenTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_is_handed_out_again_until_the_renewal_margin_before_it_expires()
    {
        var held = new HeldToken(clock);
        Assert.Null(held.Current);

        held.Keep("t1", clock.GetUtcNow().AddMinutes(60));
        clock.Advance(TimeSpan.FromMinutes(60) - HeldToken.RenewalMargin - TimeSpan.FromSeconds(1));
        var justBefore = held.Current;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(("t1", null), (justBefore, held.Current));
    }

    [Fact]
    public void A_token_that_expires_within_the_margin_is_not_held()
    {
        var held = new HeldToken(clock);

        held.Keep("short", clock.GetUtcNow() + HeldToken.RenewalMargin - TimeSpan.FromSeconds(1));

        Assert.Null(held.Current);
    }

    [Fact]
    public void A_newer_token_replaces_the_held_one_and_an_older_one_never_comes_back()
    {
        var held = new HeldToken(clock);
        held.Keep("old", clock.GetUtcNow().AddMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(1));

        held.Keep("new", clock.GetUtcNow().AddMinutes(60)); // the org refused "old": a token forced anew
        var afterNew = held.Current;
        held.Keep("old", clock.GetUtcNow().AddMinutes(29)); // a request that asked MSAL before the refresh answers late

        Assert.Equal(("new", "new"), (afterNew, held.Current));
    }
}

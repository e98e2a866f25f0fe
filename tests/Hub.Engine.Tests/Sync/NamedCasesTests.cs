using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Engine.Tests.Sync;

/// <summary>A named case goes first for a while, not for ever, and a flood of names cannot grow the hint without bound.</summary>
public sealed class NamedCasesTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_named_case_goes_first_for_five_minutes_and_then_is_sent_in_the_ordinary_order()
    {
        var named = new NamedCases(clock);
        named.Mark("HUB-2026-000001");

        clock.Advance(NamedCases.HeldFor);
        Assert.Equal(["HUB-2026-000001"], named.Current());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(named.Current());
    }

    [Fact]
    public void Beyond_its_capacity_the_oldest_name_makes_room_for_the_newest()
    {
        var named = new NamedCases(clock);
        for (var n = 0; n <= NamedCases.Capacity; n++)
        {
            named.Mark(string.Create(CultureInfo.InvariantCulture, $"HUB-2026-{n:000000}"));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var current = named.Current();
        Assert.Equal(NamedCases.Capacity, current.Count);
        Assert.DoesNotContain("HUB-2026-000000", current);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"HUB-2026-{NamedCases.Capacity:000000}"), current);
    }
}

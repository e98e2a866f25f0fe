namespace Hub.Benchmarks.Sync;

/// <summary>
/// How much of the hub's time its calls kept the allowed concurrency busy: each call counts as in flight from its
/// arrival at the simulator for the fixed latency the simulators answer after, so this is where the hub's wall time
/// went beyond the calls: stretches with nothing in flight (the hub busy with itself, or waiting for a tick or a
/// poll), stretches with fewer calls than it may make at once, and stretches with more (intake and sending overlap).
/// </summary>
internal sealed record CallsInFlight(TimeSpan Span, TimeSpan Idle, TimeSpan Under, TimeSpan Full, TimeSpan Over, IReadOnlyList<(TimeSpan At, TimeSpan Length)> LongestIdle)
{
    public static CallsInFlight Of(IReadOnlyList<ApiCall> calls, DateTimeOffset start, TimeSpan latency, int concurrency)
    {
        var changes = calls.SelectMany(c => new[] { (At: c.At - start, Step: 1), (At: c.At - start + latency, Step: -1) })
            .OrderBy(c => c.At).ThenBy(c => c.Step) // an answer before a call that arrives at the same instant
            .ToList();
        var (idle, under, full, over) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var gaps = new List<(TimeSpan At, TimeSpan Length)>();
        var (inFlight, since) = (0, TimeSpan.Zero);
        foreach (var (at, step) in changes)
        {
            var length = at - since;
            if (length > TimeSpan.Zero)
            {
                switch (inFlight)
                {
                    case 0:
                        idle += length;
                        gaps.Add((since, length));
                        break;
                    case var n when n < concurrency:
                        under += length;
                        break;
                    case var n when n == concurrency:
                        full += length;
                        break;
                    default:
                        over += length;
                        break;
                }
            }

            (inFlight, since) = (inFlight + step, at);
        }

        return new CallsInFlight(since, idle, under, full, over, gaps.OrderByDescending(g => g.Length).Take(3).ToList());
    }

    public void Print(int concurrency)
    {
        Console.WriteLine(Figures.Invariant(
            $"  calls in flight over the hub's {Span.TotalSeconds:F2} s (each from its arrival for the latency): none {Share(Idle)}, 1-{concurrency - 1} {Share(Under)}, {concurrency} {Share(Full)}, more than {concurrency} {Share(Over)}"));
        Console.WriteLine("    longest stretches with none: " + string.Join(", ", LongestIdle.Select(g => Figures.Invariant($"{g.Length.TotalMilliseconds:F0} ms at {g.At.TotalSeconds:F2} s"))));
    }

    private string Share(TimeSpan part) => Figures.Invariant($"{part.TotalSeconds:F2} s ({part / Span * 100:F0}%)");
}

using System.Globalization;

namespace Hub.Benchmarks.Sync;

/// <summary>
/// Which benchmarks to run and how large: <c>webhook|memory|backlog|ratelimit|lane|requests|all</c>, <c>table</c> (the
/// rows of issue 13's table, sized for a short quiet window) or <c>publish</c> (only the shipped build), and their options.
/// </summary>
internal sealed class BenchArguments
{
    public static readonly string[] All = ["webhook", "memory", "backlog", "ratelimit", "lane", "requests"];

    /// <summary>Benchmarks run only when named (not part of "all"): the cluster one needs root for its PostgreSQL.</summary>
    public static readonly string[] OnRequest = ["cluster"];

    /// <summary>Issue 13's table: backlog at 20 and 0 ms per call (2 runs each), requests per complaint, steady memory (2 min), live lane.</summary>
    public static readonly string[] Table = ["backlog", "requests", "memory", "lane"];

    public const string Usage = """
        Usage: Hub.Benchmarks.Sync <webhook|memory|backlog|ratelimit|lane|requests|all|cluster|table|publish> [options]
          table             backlog (--runs 2), requests, memory (--minutes 2), lane in turn, then a summary of every aim
          publish           only publish the shipped build into its cache (before a timed window)
          --jit             measure Hub.Host's Release build output instead of the shipped build (published IL only
                            into bench/Hub.Benchmarks.Sync/bin/shipped-hub when the sources changed); both run with the
                            unit's environment; HUB_DLL=path/hub.dll names any other build
          --rounds N        webhook: measured rounds (default 100)
          --minutes N       memory: minutes of steady trickle after a 15 s idle baseline (default 3)
          --every N         memory: seconds between complaints (default 2)
          --incidents N     backlog: waiting incidents (default 200)
          --latency N       backlog: milliseconds every API call takes (default: 20, then 0 for the hub's pure overhead); lane, cluster: (default 20)
          --runs N          backlog: runs per latency; the summary gives the medians (default 1)
          --trace DIR       backlog: record the hub's CPU samples with dotnet-trace during each measured run into DIR
          --keep            backlog: keep each run's folder (hub.db, mail, configuration, hub-output.log, calls.csv); a run that
                            does not finish (nothing moves for 60 s) keeps its folder and says why in any case
          --concurrency N   backlog: the hub's dispatch concurrency, and the tight client's (default 4)
          --limit N         ratelimit: Dataverse requests allowed per 5 minutes (default 600; the backlog is 1.2x that)
          --live N          lane: live complaints arriving while the backlog (--incidents, default 500 there) syncs (default 30)
          --complaints N    requests: complaints carried through their life (default 20)
          --nodes N         cluster: up to N nodes on one PostgreSQL database (default 3; backlog --incidents, default 500 there)
        """;

    public IReadOnlyList<string> Benchmarks { get; private init; } = All;
    public int Rounds { get; private set; } = 100;
    public int Minutes { get; private set; } = 3;
    public int ComplaintEverySeconds { get; private set; } = 2;
    public int Incidents { get; private set; } = 200;
    public int LatencyMs { get; private set; } = 20;
    public bool LatencyGiven { get; private set; }
    public int Runs { get; private set; } = 1;
    public string? TraceDirectory { get; private set; }
    public int Concurrency { get; private set; } = 4;
    public int Limit { get; private set; } = 600;
    public int Nodes { get; private set; } = 3;
    public int Live { get; private set; } = 30;
    public int? IncidentsGiven { get; private set; }
    public int Complaints { get; private set; } = 20;
    public bool Jit { get; private set; }
    public bool Keep { get; private set; }

    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("Name a benchmark.");
        }

        var parsed = new BenchArguments
        {
            Benchmarks = args[0] switch
            {
                "all" => All,
                "table" => Table,
                "publish" => [],
                _ => All.Contains(args[0]) || OnRequest.Contains(args[0]) ? [args[0]] : throw new ArgumentException($"Unknown benchmark '{args[0]}'."),
            },
        };
        var (runsGiven, minutesGiven) = (false, false);
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds":
                    parsed.Rounds = Number(args, ++i, "--rounds");
                    break;
                case "--minutes":
                    parsed.Minutes = Number(args, ++i, "--minutes");
                    minutesGiven = true;
                    break;
                case "--every":
                    parsed.ComplaintEverySeconds = Number(args, ++i, "--every");
                    break;
                case "--incidents":
                    parsed.Incidents = Number(args, ++i, "--incidents");
                    parsed.IncidentsGiven = parsed.Incidents;
                    break;
                case "--latency":
                    parsed.LatencyMs = Number(args, ++i, "--latency", minimum: 0);
                    parsed.LatencyGiven = true;
                    break;
                case "--runs":
                    parsed.Runs = Number(args, ++i, "--runs");
                    runsGiven = true;
                    break;
                case "--trace":
                    parsed.TraceDirectory = ++i < args.Length ? Path.GetFullPath(args[i]) : throw new ArgumentException("--trace needs a folder.");
                    break;
                case "--concurrency":
                    parsed.Concurrency = Number(args, ++i, "--concurrency");
                    break;
                case "--live":
                    parsed.Live = Number(args, ++i, "--live");
                    break;
                case "--complaints":
                    parsed.Complaints = Number(args, ++i, "--complaints");
                    break;
                case "--nodes":
                    parsed.Nodes = Number(args, ++i, "--nodes");
                    break;
                case "--jit":
                    parsed.Jit = true;
                    break;
                case "--keep":
                    parsed.Keep = true;
                    break;
                case "--limit":
                    parsed.Limit = Number(args, ++i, "--limit");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (args[0] == "table")
        {
            parsed.Runs = runsGiven ? parsed.Runs : 2;
            parsed.Minutes = minutesGiven ? parsed.Minutes : 2;
        }

        return parsed;
    }

    private static int Number(string[] args, int index, string name, int minimum = 1)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException(minimum == 0 ? $"{name} needs a whole number, 0 or more." : $"{name} needs a positive whole number.");
        }

        return value;
    }
}

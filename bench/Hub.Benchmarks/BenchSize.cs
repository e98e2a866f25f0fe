using System.Globalization;

namespace Hub.Benchmarks;

/// <summary>
/// How large a journal to build: <c>--entries N --cases N</c> (default a million entries over 100,000 cases), and
/// <c>--trace-only</c> to leave out the `hub log` streaming run (minutes at ten million entries), and <c>--keep FOLDER</c>
/// to seed into a folder that is kept, or time again a journal seeded there before (seeding ten million takes most of an hour).
/// </summary>
internal sealed record BenchSize(int Entries, int Cases, bool TraceOnly = false, string? Keep = null)
{
    public static BenchSize Parse(string[] args)
    {
        var entries = 1_000_000;
        var cases = 100_000;
        var traceOnly = false;
        string? keep = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entries":
                    entries = Number(args, ++i, "--entries");
                    break;
                case "--cases":
                    cases = Number(args, ++i, "--cases");
                    break;
                case "--keep":
                    keep = ++i < args.Length ? Path.GetFullPath(args[i]) : throw new ArgumentException("--keep needs a folder.");
                    break;
                case "--trace-only":
                    traceOnly = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --entries N --cases N [--trace-only] [--keep FOLDER].");
            }
        }

        if (cases > entries)
        {
            throw new ArgumentException($"--cases ({cases}) cannot exceed --entries ({entries}): every case needs at least one journal entry.");
        }

        return new BenchSize(entries, cases, traceOnly, keep);
    }

    private static int Number(string[] args, int index, string name)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"{name} needs a positive whole number, e.g. {name} 100000.");
        }

        return value;
    }
}

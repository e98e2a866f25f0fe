// Fails when a package the build resolves is known to be vulnerable. The package source on our build machines
// serves no vulnerability data, so `dotnet list package --vulnerable` alone would pass anything: this also compares
// every resolved version with the advisories checked into .ci/advisories.json.
//
//   dotnet run --file .ci/PackageAdvisories.cs -- <advisories.json> <resolved.json> [<vulnerable.json>]
//
// resolved.json is `dotnet list <target> package --include-transitive --format json`; vulnerable.json, when given, is
// the same with --vulnerable (every package it lists fails the check too). Exit 0: nothing known; 1: a vulnerable
// package, each named with its advisory; 2: the command line or a file is wrong. Called by .ci/check-packages.sh.
using System.Globalization;
using System.Text.Json;

if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: dotnet run --file .ci/PackageAdvisories.cs -- <advisories.json> <resolved.json> [<vulnerable.json>]");
    return 2;
}

try
{
    var advisories = Advisory.Load(args[0]);
    var resolved = Listing.Packages(args[1]);
    var findings = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal); // what is wrong -> the projects it is in
    void Found(string finding, string project)
    {
        if (!findings.TryGetValue(finding, out var projects))
        {
            findings[finding] = projects = new SortedSet<string>(StringComparer.Ordinal);
        }

        projects.Add(project);
    }

    foreach (var package in resolved)
    {
        foreach (var advisory in advisories.Where(a => a.Affects(package.Id, package.Version)))
        {
            Found($"{package.Id} {package.Version} is known to be vulnerable: {advisory.Describe()}", package.Project);
        }
    }

    if (args.Length == 3)
    {
        foreach (var package in Listing.Vulnerable(args[2]))
        {
            Found($"{package.Id} {package.Version} is reported vulnerable by the package source: {package.Advisories}", package.Project);
        }
    }

    foreach (var (finding, projects) in findings)
    {
        Console.WriteLine($"check-packages: {finding}; in {string.Join(", ", projects)}");
    }

    var distinct = resolved.Select(p => (p.Id, p.Version.Text)).Distinct().Count();
    Console.WriteLine(findings.Count == 0
        ? $"check-packages: {distinct} resolved package versions checked against {advisories.Count} known advisories: none vulnerable."
        : $"check-packages: {findings.Count} vulnerable package version(s) in use; update them (Directory.Packages.props pins transitive packages too).");
    return findings.Count == 0 ? 0 : 1;
}
catch (Exception problem) when (problem is IOException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine("check-packages: " + problem.Message);
    return 2;
}

/// <summary>One advisory: a package, the versions it affects (any of several ranges), the version that fixes it, its ids.</summary>
internal sealed record Advisory(string Package, IReadOnlyList<VersionRange> Vulnerable, string Fixed, IReadOnlyList<string> Ids, string Summary)
{
    public bool Affects(string package, PackageVersion version) =>
        string.Equals(package, Package, StringComparison.OrdinalIgnoreCase) && Vulnerable.Any(r => r.Contains(version));

    public string Describe() =>
        $"{string.Join(" / ", Ids)} ({Summary}; affected {string.Join(" or ", Vulnerable)}; fixed in {Fixed})";

    public static IReadOnlyList<Advisory> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var advisories = new List<Advisory>();
        foreach (var entry in document.RootElement.GetProperty("advisories").EnumerateArray())
        {
            var package = Text(entry, "package", file);
            var ids = entry.GetProperty("ids").EnumerateArray().Select(i => i.GetString() ?? string.Empty).ToList();
            if (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException($"{file}: {package}: \"ids\" needs at least one GHSA or CVE id.");
            }

            var ranges = entry.GetProperty("vulnerable").EnumerateArray().Select(r => VersionRange.Parse(r.GetString() ?? string.Empty, $"{file}: {package}")).ToList();
            if (ranges.Count == 0)
            {
                throw new FormatException($"{file}: {package}: \"vulnerable\" needs at least one range, e.g. \"< 1.2.3\".");
            }

            advisories.Add(new Advisory(package, ranges, Text(entry, "fixed", file), ids, Text(entry, "summary", file)));
        }

        return advisories;
    }

    private static string Text(JsonElement entry, string name, string file) =>
        entry.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{file}: every advisory needs \"{name}\".");
}

/// <summary>Versions between bounds: "&lt; 8.0.3", "&gt;= 8.0.0 &lt; 8.0.3" (all bounds must hold).</summary>
internal sealed record VersionRange(string Text, IReadOnlyList<(string Operator, PackageVersion Bound)> Bounds)
{
    public bool Contains(PackageVersion version) => Bounds.All(b =>
    {
        var order = version.CompareTo(b.Bound);
        return b.Operator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    });

    public override string ToString() => Text;

    public static VersionRange Parse(string text, string where)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Length % 2 != 0 || parts.Where((_, i) => i % 2 == 0).Any(op => op is not ("<" or "<=" or ">" or ">=")))
        {
            throw new FormatException($"{where}: '{text}' is not a range; write e.g. \"< 4.0.14\" or \">= 4.1.0 < 4.1.13\".");
        }

        var bounds = Enumerable.Range(0, parts.Length / 2).Select(i => (parts[2 * i], PackageVersion.Parse(parts[(2 * i) + 1]))).ToList();
        return new VersionRange(text, bounds);
    }
}

/// <summary>A NuGet package version: up to four numbers and an optional pre-release label, which sorts before the release.</summary>
internal sealed record PackageVersion(string Text, IReadOnlyList<long> Numbers, string Prerelease) : IComparable<PackageVersion>
{
    public static PackageVersion Parse(string text)
    {
        var core = text.Split('+')[0];
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var release = dash < 0 ? core : core[..dash];
        var numbers = release.Split('.').Select(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{text}' is not a package version.")).ToList();
        if (numbers.Count is < 1 or > 4)
        {
            throw new FormatException($"'{text}' is not a package version.");
        }

        return new PackageVersion(text, numbers, dash < 0 ? string.Empty : core[(dash + 1)..]);
    }

    public int CompareTo(PackageVersion? other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < 4; i++)
        {
            var order = Number(i).CompareTo(other.Number(i));
            if (order != 0)
            {
                return order;
            }
        }

        return (Prerelease.Length, other.Prerelease.Length) switch
        {
            (0, 0) => 0,
            (0, _) => 1,
            (_, 0) => -1,
            _ => ComparePrerelease(Prerelease, other.Prerelease),
        };
    }

    public override string ToString() => Text;

    private long Number(int i) => i < Numbers.Count ? Numbers[i] : 0;

    private static int ComparePrerelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var bothNumbers = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x) & long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var order = bothNumbers ? x.CompareTo(y) : string.Compare(a[i], b[i], StringComparison.OrdinalIgnoreCase);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}

/// <summary>What `dotnet list package --format json` says: the packages each project resolves, per target framework.</summary>
internal static class Listing
{
    public sealed record Package(string Id, PackageVersion Version, string Project, string Advisories);

    /// <summary>Every package resolved, per project and framework.</summary>
    public static IReadOnlyList<Package> Packages(string file) => Read(file, vulnerableOnly: false);

    /// <summary>The packages a --vulnerable listing names, with the advisories it gives.</summary>
    public static IReadOnlyList<Package> Vulnerable(string file) => Read(file, vulnerableOnly: true);

    private static List<Package> Read(string file, bool vulnerableOnly)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var packages = new List<Package>();
        foreach (var project in document.RootElement.GetProperty("projects").EnumerateArray())
        {
            var name = Path.GetFileNameWithoutExtension(project.GetProperty("path").GetString());
            if (!project.TryGetProperty("frameworks", out var frameworks))
            {
                continue; // a project without packages (or, with --vulnerable, without vulnerable ones)
            }

            foreach (var framework in frameworks.EnumerateArray())
            {
                var where = $"{name} ({framework.GetProperty("framework").GetString()})";
                foreach (var kind in new[] { "topLevelPackages", "transitivePackages" })
                {
                    if (!framework.TryGetProperty(kind, out var list))
                    {
                        continue;
                    }

                    foreach (var package in list.EnumerateArray())
                    {
                        // with --vulnerable every package listed is one the source knows an advisory for
                        var advisories = vulnerableOnly ? Advisories(package) : string.Empty;
                        packages.Add(new Package(package.GetProperty("id").GetString()!, PackageVersion.Parse(package.GetProperty("resolvedVersion").GetString()!), where, advisories));
                    }
                }
            }
        }

        return packages;
    }

    private static string Advisories(JsonElement package)
    {
        if (!package.TryGetProperty("vulnerabilities", out var found) || found.ValueKind != JsonValueKind.Array)
        {
            return "(no advisory given)";
        }

        return string.Join(", ", found.EnumerateArray().Select(v => string.Join(" ", v.EnumerateObject().Select(p => p.Value.ToString()))));
    }
}

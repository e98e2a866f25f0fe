namespace Hub.Benchmarks;

/// <summary>How long a seed took: the rows (with the hash chain), then the secondary indexes built over them.</summary>
internal sealed record SeedingFigures(TimeSpan Rows, TimeSpan Indexes, int IndexCount)
{
    public TimeSpan Total => Rows + Indexes;
}

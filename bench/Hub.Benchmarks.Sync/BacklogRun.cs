namespace Hub.Benchmarks.Sync;

/// <summary>
/// What one backlog run measured: the hub's time over the tight client's and its CPU per complaint carried down both
/// hops; both NaN when the run did not finish (<see cref="Finished"/>: the benchmark stopped waiting, see its output).
/// </summary>
internal sealed record BacklogRun(TimeSpan Latency, double Ratio, double CpuMsPerComplaint, bool AllCarried, int Cases, int Incidents)
{
    public bool Finished => !double.IsNaN(Ratio);
}

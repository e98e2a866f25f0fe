namespace Hub.Benchmarks.Sync;

/// <summary>What one backlog run measured: the hub's time over the tight client's and its CPU per complaint carried down both hops.</summary>
internal sealed record BacklogRun(TimeSpan Latency, double Ratio, double CpuMsPerComplaint, bool AllCarried, int Cases, int Incidents);

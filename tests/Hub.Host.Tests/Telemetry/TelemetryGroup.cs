namespace Hub.Host.Tests.Telemetry;

/// <summary>
/// The tests that listen to the hub's meter: they run alone, so the counters they read moved for their own complaint
/// only (every poll in the process counts on the one "Hub" meter). They share the real mail servers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGroup : ICollectionFixture<MailServers>
{
    public const string Name = "telemetry";
}

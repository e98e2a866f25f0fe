namespace Hub.Host.Tests;

/// <summary>The host's tests on PostgreSQL (the audit commands on the second provider), sharing one private cluster.</summary>
[CollectionDefinition(Name)]
public sealed class RealPostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = PostgresServer.CollectionName;
}

namespace Hub.Engine.Tests;

/// <summary>The engine tests on PostgreSQL, sharing one private cluster for the run.</summary>
[CollectionDefinition(Name)]
public sealed class RealPostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = PostgresServer.CollectionName;
}

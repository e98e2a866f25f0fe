using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Compliance;

/// <summary>
/// What an adapter's test project provides so the shared compliance suite can run against a real
/// protocol peer on loopback (a WireMock server shaped like the real API, a real mail server, ...).
/// </summary>
public interface IAdapterComplianceHarness : IAsyncDisposable
{
    /// <summary>An adapter wired to the live peer, with retries short enough for tests.</summary>
    ISystemAdapter CreateAdapter();

    /// <summary>An adapter whose peer does not answer (a closed loopback port).</summary>
    ISystemAdapter CreateAdapterForUnreachablePeer();

    /// <summary>A create command the adapter's system accepts, carrying the given correlation key.</summary>
    CreateRecordCommand SampleCreateCommand(string correlationKey);

    /// <summary>How many records the peer holds that carry this correlation key.</summary>
    Task<int> CountRecordsWithCorrelationKeyAsync(string correlationKey, CancellationToken cancellationToken);

    /// <summary>
    /// A person (not the hub) adds a comment with this text to the record, the way a real user of that system
    /// would (an operator's action, a note, a contractor's reply).
    /// </summary>
    Task PersonCommentsAsync(string externalId, string text, CancellationToken cancellationToken);

    /// <summary>From now on the peer answers every request with a server error (503).</summary>
    Task MakePeerFailAsync(CancellationToken cancellationToken);
}

using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Compliance;

/// <summary>
/// What an adapter's test project provides so the shared compliance suite can run against a real protocol peer on
/// loopback (a simulator or WireMock server shaped like the real API, a real mail server, ...). Where a case has no
/// meaning for the system, the member it needs throws <see cref="CaseDoesNotApplyException"/> with the reason: the case
/// is then reported as skipped, never passed.
/// </summary>
public interface IAdapterComplianceHarness : IAsyncDisposable
{
    /// <summary>
    /// An adapter wired to the live peer, with retries short enough for tests. Every call makes a new instance over the
    /// same peer and the same adapter state store (<see cref="IAdapterStateStore"/>), as a restarted hub makes it: the
    /// suite's restart is a second call.
    /// </summary>
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

    /// <summary>
    /// A status change of the record as the engine sends it (the system's own status value in
    /// <see cref="ApplyChangeCommand.TargetValues"/>, the kind the system acts on), and the status
    /// <see cref="StatusOfAsync"/> reads once the peer has it. A new record must not show that status yet.
    /// </summary>
    (ApplyChangeCommand Change, string Shown) SampleStatusChange(string externalId);

    /// <summary>The record's status as the peer shows it now, in the peer's own words; null when it holds no such record.</summary>
    Task<string?> StatusOfAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>An id of the system's form (a GUID, a work-order token) that names no record the peer holds.</summary>
    string UnknownExternalId { get; }

    /// <summary>From now on the peer answers every request with a server error (503, an SMTP server that is gone).</summary>
    Task MakePeerFailAsync(CancellationToken cancellationToken);

    /// <summary>
    /// From now on the peer asks the hub to slow down and, where its protocol can, says for how long: HTTP 429 with
    /// <c>Retry-After</c> = <paramref name="retryAfter"/>. Returns the wait the peer announced, or null when its protocol
    /// says "later" without saying when (an SMTP 4xx reply): the failure must then carry no wait of its own invention.
    /// Takes effect for adapters made after it.
    /// </summary>
    Task<TimeSpan?> MakePeerThrottleAsync(TimeSpan retryAfter, CancellationToken cancellationToken);

    /// <summary>
    /// From now on the peer refuses requests for a reason that will not pass by itself: an HTTP 4xx other than 408 and
    /// 429 (400, 403), an SMTP 5xx reply. Takes effect for adapters made after it.
    /// </summary>
    Task MakePeerRefuseAsync(CancellationToken cancellationToken);
}

using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>
/// The annotationid of the note an outbox command writes: a name-based UUID (v5) of the command's key, so every attempt
/// of the command (after a lost answer, after a restart) addresses the same note and Dataverse refuses a second one.
/// </summary>
internal static class NoteIds
{
    /// <summary>The hub's own namespace for note ids (fixed forever: changing it would write notes again).</summary>
    private static readonly Guid Namespace = Guid.Parse("6f1d3c1e-5a0b-4e8f-9c47-2b7d8e0a4f61");

    public static Guid For(ApplyChangeCommand command) =>
        command.CommandKey is { Length: > 0 } key
            ? NameBasedUuid.Version5(Namespace, "annotation:" + key)
            : Guid.NewGuid(); // outside the outbox (a dry run) there is no retry to recognise
}

using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>
/// Reads one page of notes on cases, newest mark first seen on <c>modifiedon</c> (the mark overlaps by design: the
/// engine's inbox drops notes it has seen). Each note is a comment whose version is its own id.
/// </summary>
internal sealed class NoteChangeReader(DataverseConnection connection, ChangeTranslator translator)
{
    private const string Action = "read notes on cases";
    private const string Select = "annotationid,subject,notetext,_objectid_value,createdon,modifiedon,_createdby_value";

    public async Task<(List<ObservedChange> Changes, DynamicsWatermark Next)> ReadPageAsync(DynamicsWatermark state, Guid appUserId, List<UnreadableRecord> unreadable, CancellationToken cancellationToken)
    {
        var prefer = $"odata.maxpagesize={connection.Options.PageSize.ToString(CultureInfo.InvariantCulture)},odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";
        var filter = "objecttypecode eq 'incident'"
            + (state.NotesSince is { } since ? " and modifiedon ge " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty);
        using var response = state.NoteLink is { } link
            ? await connection.FollowAsync(link, prefer, Action, cancellationToken)
            : await connection.SendAsync((api, ct) => api.QueryNotesAsync(Select, filter, "modifiedon asc,annotationid asc", prefer, ct), Action, cancellationToken);
        var page = await connection.ReadAsync<ODataPage<JsonElement>>(response, Action, cancellationToken);

        var changes = new List<ObservedChange>(page.Value.Count);
        var high = state.NotesHigh;
        foreach (var item in page.Value)
        {
            if (!RowOnPage.TryRead<NoteRow>(item, out var note, out var unread))
            {
                var broken = RowOnPage.Note(item, unread!, read: true);
                unreadable.Add(broken.Record);
                high = DynamicsWatermark.Later(high, broken.ModifiedOn);
                continue;
            }

            if (note.CaseId is null)
            {
                continue;
            }

            try
            {
                changes.Add(translator.FromNote(note, appUserId));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                unreadable.Add(RowOnPage.Note(item, e, read: false).Record);
            }

            high = DynamicsWatermark.Later(high, note.ModifiedOn);
        }

        return page.NextLink is not null
            ? (changes, state with { NoteLink = page.NextLink, NotesHigh = high })
            : (changes, state with { NoteLink = null, NotesHigh = high, NotesSince = high ?? state.NotesSince });
    }
}

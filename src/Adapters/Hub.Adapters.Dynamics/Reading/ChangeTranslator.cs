using AutoMapper;
using Hub.Adapters.Dynamics.Mapping;
using Hub.Adapters.Dynamics.Rows;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Reading;

/// <summary>Turns incident rows and notes into the hub's observed changes (by the profile), stamped with when they were read.</summary>
internal sealed class ChangeTranslator(IMapper mapper, TimeProvider time)
{
    public ObservedChange FromCase(IncidentRow row, Guid appUserId) => mapper.Map<ObservedChange>(new CaseRead(row, appUserId, time.GetUtcNow()));

    /// <summary>A case deleted in Dynamics: nobody will work on it there any more, which the hub treats as cancelled.</summary>
    public ObservedChange FromDeletedCase(IncidentRow row) => mapper.Map<ObservedChange>(new DeletedCaseRead(row.DeletedId!.Value.ToString(), time.GetUtcNow()));

    public ObservedChange FromNote(NoteRow note, Guid appUserId) => mapper.Map<ObservedChange>(new NoteRead(note, appUserId, time.GetUtcNow()));
}

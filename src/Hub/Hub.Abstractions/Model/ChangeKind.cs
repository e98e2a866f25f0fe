namespace Hub.Abstractions.Model;

/// <summary>What happened to a record, in the hub's words.</summary>
public enum ChangeKind
{
    Created,
    FieldsChanged,
    StatusChanged,
    CommentAdded,
    AppointmentSet,
    Resolved,
    Reopened,
    Cancelled,
}

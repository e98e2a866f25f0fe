namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>The incident's journal columns: written by PATCHing the column (each write appends an entry), read from sys_journal_field.</summary>
internal static class JournalColumns
{
    /// <summary>Additional comments: visible to the caller.</summary>
    public const string Comments = "comments";

    /// <summary>Work notes: internal to the service desk.</summary>
    public const string WorkNotes = "work_notes";

    /// <summary>The longest entry the hub writes (a journal column's default length); longer text is cut on whole characters.</summary>
    public const int EntryLimit = 4000;
}

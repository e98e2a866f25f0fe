namespace Hub.Host.Audit;

/// <summary>
/// Bound from <c>Hub:Audit</c>: how often the journal's hash chain is verified in the background, the journal keys it
/// is signed with (files, never values: the key must not sit beside the database's settings), and where else verified
/// heads are kept.
/// </summary>
internal sealed class AuditOptions
{
    public const string Section = "Hub:Audit";

    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A file holding the key new entries are signed with (base64, at least 32 bytes); none: an unkeyed chain.</summary>
    public string? JournalKeyFile { get; set; }

    /// <summary>Files of earlier journal keys, kept after a rotation only to verify the entries they signed.</summary>
    public List<string> RetiredJournalKeyFiles { get; set; } = [];

    /// <summary>A file each newly verified head is appended to, as one JSON line, besides the database and the log.</summary>
    public string? HeadFile { get; set; }

    /// <summary>The head file with a relative path taken from <paramref name="baseDirectory"/> (where the configuration lives).</summary>
    public string? HeadFilePath(string baseDirectory) =>
        string.IsNullOrWhiteSpace(HeadFile) ? null : Path.GetFullPath(Path.Combine(baseDirectory, HeadFile));
}

namespace Hub.Engine.Audit;

/// <summary>How journal entries are written out: one JSON object per line, or CSV with a header row.</summary>
public enum ArchiveFormat
{
    JsonLines,
    Csv,
}

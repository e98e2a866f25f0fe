namespace Hub.Engine.Persistence;

/// <summary>The last hub id number handed out per year (HUB-2026-000042).</summary>
public sealed class CaseNumberSequence
{
    public int Year { get; set; }
    public long Last { get; set; }
}

namespace Hub.Engine.Sync;

/// <summary>What became of one observed change.</summary>
public enum IntakeResult
{
    /// <summary>Seen before (same system, record and version): dropped.</summary>
    Duplicate,

    /// <summary>The hub's own write read back: dropped and journaled.</summary>
    Echo,

    /// <summary>A value no mapping knows: kept until the mapping is fixed.</summary>
    Parked,

    /// <summary>A record no route takes and no case knows: nothing to do.</summary>
    NotRouted,

    /// <summary>A new case was opened and its chain queued.</summary>
    Opened,

    /// <summary>The case changed and the change was queued for the other systems.</summary>
    Updated,

    /// <summary>Nothing differed from what the hub knows.</summary>
    Unchanged,

    /// <summary>A released parked change that later readings of its record had wholly replaced: dropped and journaled.</summary>
    Superseded,

    /// <summary>A record claiming, by its correlation key, a case it may not join: journaled as a conflict, nothing moved.</summary>
    ClaimRefused,

    /// <summary>Could not be read or taken in: set aside with its reason in the journal; the poll went on.</summary>
    Quarantined,
}

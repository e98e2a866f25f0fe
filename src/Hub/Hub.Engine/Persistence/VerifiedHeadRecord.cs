namespace Hub.Engine.Persistence;

/// <summary>
/// A journal head the hub found intact (table <c>journal_heads</c>, outside the journal): every later verification,
/// also after a restart, requires the newest of them to still be in the chain, so entries cut off the end show.
/// </summary>
public sealed class VerifiedHeadRecord
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }

    /// <summary>The journal key the <see cref="Seal"/> is made with; null (and no seal) when the hub had no key.</summary>
    public string? KeyId { get; set; }
    public string? Seal { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hub.Engine.Persistence;

/// <summary>
/// The correlation log: cases, links, journal (and its verified heads), inbox, outbox (dead letters included), parked changes,
/// per-system state and adapter state. One derived context per provider carries that provider's migrations.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    public DbSet<LinkRecord> Links => Set<LinkRecord>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<VerifiedHeadRecord> VerifiedHeads => Set<VerifiedHeadRecord>();
    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();
    public DbSet<OutboxCommand> Outbox => Set<OutboxCommand>();
    public DbSet<ParkedChange> Parked => Set<ParkedChange>();
    public DbSet<SystemState> Systems => Set<SystemState>();
    public DbSet<AdapterStateEntry> AdapterState => Set<AdapterStateEntry>();
    public DbSet<CaseNumberSequence> CaseNumbers => Set<CaseNumberSequence>();
    public DbSet<HubNodeRecord> Nodes => Set<HubNodeRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Stored as UTC ticks: sortable and comparable in SQL on every provider (SQLite cannot order DateTimeOffset text).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(40);
            e.HasIndex(c => c.UpdatedAt);
        });

        modelBuilder.Entity<LinkRecord>(e =>
        {
            e.ToTable("links");
            e.HasKey(l => l.Id);
            e.HasIndex(l => new { l.SystemName, l.ExternalId }).IsUnique();
            e.HasIndex(l => new { l.SystemName, l.ExternalNumber });
            e.HasIndex(l => l.ExternalNumber);
            e.HasIndex(l => l.ExternalId);
            e.HasIndex(l => new { l.CaseId, l.SystemName });
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("journal");
            e.HasKey(j => j.Sequence);
            e.Property(j => j.Sequence).ValueGeneratedNever();
            e.HasIndex(j => new { j.CaseId, j.Sequence });
            e.HasIndex(j => j.At);
            e.HasIndex(j => new { j.SourceSystem, j.At });
            e.HasIndex(j => new { j.TargetSystem, j.At });
            e.Property(j => j.KeyId).HasMaxLength(16);
        });

        modelBuilder.Entity<VerifiedHeadRecord>(e =>
        {
            e.ToTable("journal_heads");
            e.HasKey(h => h.Id);
            e.HasIndex(h => h.Sequence);
            e.Property(h => h.KeyId).HasMaxLength(16);
        });

        modelBuilder.Entity<InboxEntry>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(i => new { i.SystemName, i.ExternalId, i.Version });
        });

        modelBuilder.Entity<OutboxCommand>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => new { o.Status, o.NextAttemptAt });
            e.HasIndex(o => new { o.CaseId, o.Id });
            e.HasIndex(o => new { o.TargetSystem, o.Status });
            e.Property(o => o.TraceParent).HasMaxLength(TraceParentLength);
            e.Property(o => o.LeasedBy).HasMaxLength(Cluster.HubNode.MaxIdLength);
            e.Property(o => o.LeaseToken).IsConcurrencyToken(); // the lease's fencing token: an outcome saves only under the token it was sent with
        });

        modelBuilder.Entity<ParkedChange>(e =>
        {
            e.ToTable("parked_changes");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.SystemName, p.ReleasedAt });
        });

        modelBuilder.Entity<SystemState>(e =>
        {
            e.ToTable("system_state");
            e.HasKey(s => s.SystemName);
        });

        modelBuilder.Entity<AdapterStateEntry>(e =>
        {
            e.ToTable("adapter_state");
            e.HasKey(a => new { a.SystemName, a.Key });
        });

        modelBuilder.Entity<CaseNumberSequence>(e =>
        {
            e.ToTable("case_numbers");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
        });

        modelBuilder.Entity<HubNodeRecord>(e =>
        {
            e.ToTable("hub_nodes");
            e.HasKey(n => n.NodeId);
            e.Property(n => n.NodeId).HasMaxLength(Cluster.HubNode.MaxIdLength);
        });
    }

    /// <summary>Room for a W3C traceparent ("00-" + 32 + "-" + 16 + "-" + 2 hex digits is 55) and a later version's few more.</summary>
    private const int TraceParentLength = 64;

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

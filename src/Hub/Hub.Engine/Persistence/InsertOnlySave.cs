using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Hub.Engine.Sync;

namespace Hub.Engine.Persistence;

/// <summary>
/// Saves a unit of work that only adds rows (a sent command's completion: the new link, the journal lines, the
/// milestone's outbox row) as one parameterised INSERT per row on the unit of work's own connection and inside its
/// transaction, then commits the transaction the journal's write lock opened for it, as SaveChanges and
/// <see cref="JournalTransactionCommit"/> did; SaveChanges built each save's SQL, batches and parameters anew (8% of the
/// hub's CPU in a backlog's profile, docs/performance/completion-update.md). The text of each table's INSERT comes from
/// the EF Core model (table, columns, the store's own key left to the store) and each value is bound by the property's
/// own type mapping (its converter: times as UTC ticks, the status as its name), once per model. A unit of work that
/// tracks anything else (a row read, changed or deleted) or has no transaction is saved by SaveChanges as before. A
/// refused row fails the save as SaveChanges fails it (<see cref="DbUpdateException"/> around the database's error,
/// nothing committed); afterwards the context tracks nothing.
/// </summary>
internal static class InsertOnlySave
{
    private static readonly ConditionalWeakTable<IEntityType, Insert> Inserts = new();

    public static async Task SaveAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = AddedOnly(db);
        if (added is null || db.Database.CurrentTransaction is not { } current)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = current.GetDbTransaction();
        try
        {
            foreach (var entry in added)
            {
                await InsertOf(db, entry.Metadata).RunAsync(connection, transaction, entry.Entity, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException refused)
        {
            await JournalWriteLock.RollBackOpenedAsync(db).ConfigureAwait(false); // nothing of the unit of work stays
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", refused);
        }

        await JournalWriteLock.CommitOpenedAsync(db, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>The rows the unit of work adds, when that is all it tracks (found without detecting changes); else null.</summary>
    private static List<EntityEntry>? AddedOnly(HubDbContext db)
    {
        var entries = TrackedRecords.All(db);
        return entries.All(e => e.State == EntityState.Added && !e.Metadata.HasSharedClrType && e.Metadata.GetTableName() is not null) ? entries : null;
    }

    private static Insert InsertOf(HubDbContext db, IEntityType type) =>
        Inserts.GetValue(type, t => new Insert(t, db.GetService<ISqlGenerationHelper>()));

    /// <summary>One table's INSERT: every mapped property but a key the store generates, bound by its type mapping.</summary>
    private sealed class Insert
    {
        private readonly string sql;
        private readonly List<(IProperty Property, RelationalTypeMapping Mapping, string Parameter)> columns = [];

        public Insert(IEntityType type, ISqlGenerationHelper names)
        {
            foreach (var property in type.GetProperties())
            {
                if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never)
                {
                    continue;
                }

                columns.Add((property, (RelationalTypeMapping)property.GetRelationalTypeMapping(), "@p" + columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var text = new StringBuilder("INSERT INTO ").Append(names.DelimitIdentifier(type.GetTableName()!, type.GetSchema())).Append(" (");
            text.AppendJoin(", ", columns.Select(c => names.DelimitIdentifier(c.Property.GetColumnName()))).Append(") VALUES (");
            sql = text.AppendJoin(", ", columns.Select(c => c.Parameter)).Append(')').ToString();
        }

        public async Task RunAsync(DbConnection connection, DbTransaction transaction, object entity, CancellationToken cancellationToken)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var (property, mapping, parameter) in columns)
                {
                    command.Parameters.Add(mapping.CreateParameter(command, parameter, property.GetGetter().GetClrValueUsingContainingEntity(entity), property.IsNullable));
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

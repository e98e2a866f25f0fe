using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// Marks a sent command's row done while it is pending and still carries the lease it was sent under, in one
/// parameterised UPDATE run on the unit of work's own connection and inside its transaction (the journal's write lock):
/// <c>UPDATE "outbox" SET "Status" = 'Done', "Attempts" = "Attempts" + 1, "CompletedAt" = @now, "LastError" = NULL,
/// "LeaseUntil" = NULL WHERE "Id" = @id AND "Status" = 'Pending' AND "LeaseToken" = @token AND "LeasedBy" = @node</c>.
/// It was an <c>ExecuteUpdate</c> composed on every completion (four per complaint), and EF Core built and walked its
/// expression tree each time to find its parameters and its cached plan: 8.5% of the hub's CPU in a backlog's profile
/// (docs/performance/completion-update.md).
/// The table, the columns and the stored values (the status as its name, times as UTC ticks) are taken from the EF Core
/// model, so the statement writes exactly what EF Core would; one text per model (SQLite, PostgreSQL), built once.
/// </summary>
internal sealed class OutboxDoneUnderLease
{
    private static readonly ConditionalWeakTable<IModel, OutboxDoneUnderLease> PerModel = new();

    private readonly string sql;
    private readonly object done;
    private readonly object pending;
    private readonly IProperty completedAt;

    private OutboxDoneUnderLease(IModel model, ISqlGenerationHelper names)
    {
        var outbox = model.FindEntityType(typeof(OutboxCommand)) ?? throw new InvalidOperationException("The model has no outbox.");
        string Column(string property) => names.DelimitIdentifier(Property(outbox, property).GetColumnName());
        var status = Property(outbox, nameof(OutboxCommand.Status));
        completedAt = Property(outbox, nameof(OutboxCommand.CompletedAt));
        done = Stored(status, OutboxStatus.Done);
        pending = Stored(status, OutboxStatus.Pending);
        var attempts = Column(nameof(OutboxCommand.Attempts));
        sql = $"UPDATE {names.DelimitIdentifier(outbox.GetTableName()!, outbox.GetSchema())} SET {Column(nameof(OutboxCommand.Status))} = @done, "
            + $"{attempts} = {attempts} + 1, {Column(nameof(OutboxCommand.CompletedAt))} = @now, "
            + $"{Column(nameof(OutboxCommand.LastError))} = NULL, {Column(nameof(OutboxCommand.LeaseUntil))} = NULL "
            + $"WHERE {Column(nameof(OutboxCommand.Id))} = @id AND {Column(nameof(OutboxCommand.Status))} = @pending "
            + $"AND {Column(nameof(OutboxCommand.LeaseToken))} = @token AND {Column(nameof(OutboxCommand.LeasedBy))} = @node";
    }

    /// <summary>
    /// True when the row was pending under this lease and is now done (held until the transaction ends); false when
    /// another node took the lease over or the row is no longer pending. Runs only inside the unit of work's transaction.
    /// </summary>
    public static async Task<bool> MarkAsync(HubDbContext db, long id, long leaseToken, string leasedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A command's row is marked done only inside the unit of work's transaction.");
        var statement = Of(db);
        var taken = KeptStatements.Take(db.Database.GetDbConnection(), transaction, statement.sql);
        await using (taken.ConfigureAwait(false))
        {
            var command = taken.Command;
            Add(command, "@done", statement.done);
            Add(command, "@now", Stored(statement.completedAt, now));
            Add(command, "@id", id);
            Add(command, "@pending", statement.pending);
            Add(command, "@token", leaseToken);
            Add(command, "@node", leasedBy);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private static OutboxDoneUnderLease Of(HubDbContext db) =>
        PerModel.GetValue(db.Model, model => new OutboxDoneUnderLease(model, db.GetService<ISqlGenerationHelper>()));

    private static IProperty Property(IEntityType type, string name) =>
        type.FindProperty(name) ?? throw new InvalidOperationException($"The outbox has no property {name}.");

    /// <summary>The value as the database stores it: through the property's converter, when it has one.</summary>
    private static object Stored(IProperty property, object value) =>
        property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

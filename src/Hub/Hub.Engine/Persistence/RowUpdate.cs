using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// One table's UPDATE for <see cref="DirectSave"/>, as SaveChanges writes it: the properties the change tracker found
/// modified, by the row's key, each value bound by the property's own type mapping; the text is kept per set of modified
/// columns (a change sets the same few again and again). A row that is not there fails as SaveChanges fails it
/// (<see cref="DbUpdateConcurrencyException"/>). Not for a type with a concurrency token (<see cref="Serves"/>): its
/// original value would belong in the condition, which SaveChanges keeps doing.
/// </summary>
internal sealed class RowUpdate
{
    private static readonly ConditionalWeakTable<IEntityType, RowUpdate> PerType = new();

    private readonly string table;
    private readonly IProperty[] properties;
    private readonly string[] columns;
    private readonly RelationalTypeMapping[] mappings;
    private readonly IProperty[] key;
    private readonly ConcurrentDictionary<ulong, string> texts = new();

    private RowUpdate(IEntityType type, ISqlGenerationHelper names)
    {
        table = names.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        properties = [.. type.GetProperties()];
        columns = [.. properties.Select(p => names.DelimitIdentifier(p.GetColumnName()))];
        mappings = [.. properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
        key = [.. type.FindPrimaryKey()!.Properties];
    }

    /// <summary>Whether rows of this type can be updated here: a primary key, no concurrency token, at most 64 properties.</summary>
    public static bool Serves(IEntityType type) =>
        type.FindPrimaryKey() is not null && type.GetProperties().Count() <= 64 && !type.GetProperties().Any(p => p.IsConcurrencyToken);

    public static RowUpdate Of(IEntityType type, ISqlGenerationHelper names) => PerType.GetValue(type, t => new RowUpdate(t, names));

    public async Task RunAsync(DbConnection connection, DbTransaction transaction, EntityEntry row, CancellationToken cancellationToken)
    {
        var changed = 0UL;
        var set = new List<int>();
        for (var i = 0; i < properties.Length; i++)
        {
            if (!properties[i].IsPrimaryKey() && row.Property(properties[i]).IsModified)
            {
                changed |= 1UL << i;
                set.Add(i);
            }
        }

        if (set.Count == 0)
        {
            return; // SaveChanges writes nothing for a row whose values are as read
        }

        var taken = KeptStatements.Take(connection, transaction, texts.GetOrAdd(changed, _ => Text(set)));
        await using (taken.ConfigureAwait(false))
        {
            var command = taken.Command;
            var n = 0;
            foreach (var i in set)
            {
                command.Parameters.Add(mappings[i].CreateParameter(command, Parameter(n++), row.Property(properties[i]).CurrentValue, properties[i].IsNullable));
            }

            foreach (var property in key)
            {
                var i = Array.IndexOf(properties, property);
                command.Parameters.Add(mappings[i].CreateParameter(command, Parameter(n++), row.Property(property).OriginalValue, nullable: false));
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new DbUpdateConcurrencyException(
                    $"The database operation was expected to affect 1 row(s), but actually affected 0 row(s): the {row.Metadata.DisplayName()} row is no longer there.");
            }
        }
    }

    private string Text(List<int> set)
    {
        var n = 0;
        var text = new StringBuilder("UPDATE ").Append(table).Append(" SET ");
        text.AppendJoin(", ", set.Select(i => columns[i] + " = " + Parameter(n++))).Append(" WHERE ");
        return text.AppendJoin(" AND ", key.Select(p => columns[Array.IndexOf(properties, p)] + " = " + Parameter(n++))).ToString();
    }

    private static string Parameter(int n) => "@p" + n.ToString(CultureInfo.InvariantCulture);
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Engine.Persistence;

/// <summary>
/// One table's INSERT for <see cref="DirectSave"/>: every mapped property but a key the store generates, each value bound
/// by the property's own type mapping (its converter: times as UTC ticks, the status as its name); the text is built once
/// per entity type of a model, so one class serves SQLite and PostgreSQL.
/// </summary>
internal sealed class RowInsert
{
    private static readonly ConditionalWeakTable<IEntityType, RowInsert> PerType = new();

    private readonly string sql;
    private readonly List<(IProperty Property, RelationalTypeMapping Mapping, string Parameter)> columns = [];

    private RowInsert(IEntityType type, ISqlGenerationHelper names)
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

    public static RowInsert Of(IEntityType type, ISqlGenerationHelper names) => PerType.GetValue(type, t => new RowInsert(t, names));

    public async Task RunAsync(DbConnection connection, DbTransaction transaction, object entity, CancellationToken cancellationToken)
    {
        var taken = KeptStatements.Take(connection, transaction, sql);
        await using (taken.ConfigureAwait(false))
        {
            var command = taken.Command;
            foreach (var (property, mapping, parameter) in columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, parameter, property.GetGetter().GetClrValueUsingContainingEntity(entity), property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

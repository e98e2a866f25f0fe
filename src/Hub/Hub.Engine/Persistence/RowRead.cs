using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hub.Engine.Persistence;

/// <summary>
/// A whole row of one table read back into its record for <see cref="PlainRead"/>, the counterpart of
/// <see cref="RowInsert"/>: every mapped property, by the column names of the model, each value converted back by the
/// property's own type mapping (times from UTC ticks); built once per entity type of a model, so one class serves
/// SQLite and PostgreSQL. The record is not tracked.
/// </summary>
internal sealed class RowRead
{
    private static readonly ConditionalWeakTable<IEntityType, RowRead> PerType = new();

    private readonly Type clrType;
    private readonly (PropertyInfo Property, ValueConverter? Converter, Type Stored)[] properties;

    private RowRead(IEntityType type, ISqlGenerationHelper names)
    {
        clrType = type.ClrType;
        var mapped = type.GetProperties().ToList();
        properties = [.. mapped.Select(p =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            var stored = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? p.ClrType) ?? converter?.ProviderClrType ?? p.ClrType;
            return (p.PropertyInfo ?? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} has no CLR property to read into."), converter, stored);
        })];
        Table = names.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        Columns = string.Join(", ", mapped.Select(p => names.DelimitIdentifier(p.GetColumnName())));
    }

    /// <summary>The table, delimited.</summary>
    public string Table { get; }

    /// <summary>Every column, delimited, in the order <see cref="Read{T}"/> reads them.</summary>
    public string Columns { get; }

    public static RowRead Of(IEntityType type, ISqlGenerationHelper names) => PerType.GetValue(type, t => new RowRead(t, names));

    /// <summary>The record of the reader's current row (its columns as <see cref="Columns"/> names them).</summary>
    public T Read<T>(DbDataReader reader) where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        var record = (T)Activator.CreateInstance(clrType)!;
        for (var i = 0; i < properties.Length; i++)
        {
            var (property, converter, stored) = properties[i];
            if (reader.IsDBNull(i))
            {
                property.SetValue(record, null); // not the record's own default (a case's field stamps start as "{}")
                continue;
            }

            // SQLite gives every integer as a long: the stored type asks for the width the model has.
            var value = reader.GetValue(i);
            if (value.GetType() != stored)
            {
                value = Convert.ChangeType(value, stored, CultureInfo.InvariantCulture);
            }

            property.SetValue(record, converter is null ? value : converter.ConvertFromProvider(value));
        }

        return record;
    }
}

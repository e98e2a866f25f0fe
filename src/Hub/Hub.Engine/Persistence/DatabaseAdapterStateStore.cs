using Hub.Abstractions.Adapters;

namespace Hub.Engine.Persistence;

/// <summary>Adapter state in the hub's database (table adapter_state).</summary>
public sealed class DatabaseAdapterStateStore(HubDatabase database) : IAdapterStateStore
{
    public async Task<string?> GetAsync(string systemName, string key, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await HubQueries.Of(db).AdapterStateValue(db, systemName, key, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken) =>
        SetManyAsync(systemName, [new(key, value)], cancellationToken);

    /// <summary>
    /// One unit of work for all the values: the entries already there are read in one query and the whole set is saved
    /// in one SaveChanges, which is one transaction, so either every key has its new value or none has.
    /// </summary>
    public async Task SetManyAsync(string systemName, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var keys = values.Select(v => v.Key).Distinct(StringComparer.Ordinal).ToArray();
            var existing = new Dictionary<string, AdapterStateEntry>(StringComparer.Ordinal);
            await foreach (var entry in HubQueries.Of(db).AdapterStateEntries(db, systemName, keys).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                existing[entry.Key] = entry;
            }

            foreach (var (key, value) in values)
            {
                if (existing.TryGetValue(key, out var entry))
                {
                    entry.Value = value;
                }
                else
                {
                    entry = new AdapterStateEntry { SystemName = systemName, Key = key, Value = value };
                    existing[key] = entry;
                    db.AdapterState.Add(entry);
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

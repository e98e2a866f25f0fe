using Hub.Abstractions.Adapters;
using Microsoft.EntityFrameworkCore;

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
    /// One unit of work for all the values: each key is looked up by its primary key (a key given twice takes its last
    /// value) and the whole set is saved in one SaveChanges, which is one transaction, so either every key has its new
    /// value or none has. One connection for all of it: each opening costs a round of SQLite pragmas.
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
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false); // the pool closes it
            var queries = HubQueries.Of(db);
            var entries = new Dictionary<string, AdapterStateEntry>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (!entries.TryGetValue(key, out var entry))
                {
                    entry = await queries.AdapterStateTracked(db, systemName, key, cancellationToken).ConfigureAwait(false);
                    if (entry is null)
                    {
                        entry = new AdapterStateEntry { SystemName = systemName, Key = key, Value = value };
                        db.AdapterState.Add(entry);
                    }

                    entries[key] = entry;
                }

                entry.Value = value;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

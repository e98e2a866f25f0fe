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

    public async Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var existing = await HubQueries.Of(db).AdapterStateTracked(db, systemName, key, cancellationToken).ConfigureAwait(false); // a fresh context: nothing tracked to find first
            if (existing is null)
            {
                db.AdapterState.Add(new AdapterStateEntry { SystemName = systemName, Key = key, Value = value });
            }
            else
            {
                existing.Value = value;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

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
            return await db.AdapterState.AsNoTracking()
                .Where(s => s.SystemName == systemName && s.Key == key)
                .Select(s => s.Value)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var existing = await db.AdapterState.FindAsync([systemName, key], cancellationToken).ConfigureAwait(false);
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

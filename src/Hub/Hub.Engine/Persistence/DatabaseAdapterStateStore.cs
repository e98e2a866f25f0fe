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
            return await LeanReads.Of(db).AdapterStateValueAsync(db, systemName, key, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken) =>
        SetManyAsync(systemName, [new(key, value)], cancellationToken);

    /// <summary>
    /// All the values in one statement (<see cref="AdapterStateUpsert"/>): each key is inserted or, when the system has it
    /// already, given its new value (a key given twice takes its last value). One statement is one transaction of its
    /// own on both databases, so either every key has its new value or none has; nothing is read first and nothing is
    /// tracked. An adapter's e-mail work order writes three times per order, each a single statement.
    /// </summary>
    public async Task SetManyAsync(string systemName, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            last[key] = value;
        }

        if (last.Count == 0)
        {
            return;
        }

        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await AdapterStateUpsert.RunAsync(db, systemName, [.. last], cancellationToken).ConfigureAwait(false);
        }
    }
}

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Small durable key-value state an adapter keeps per system (e.g. the e-mail adapter's work orders:
/// token → case, contractor, Message-ID). Stored in the hub's database with everything else, so a restore
/// of the database restores it too. Values must never hold secrets.
/// </summary>
public interface IAdapterStateStore
{
    Task<string?> GetAsync(string systemName, string key, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the value under the key.</summary>
    Task SetAsync(string systemName, string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces several values at once. The hub's database writes them all or none (one transaction), so an
    /// adapter that records something under several keys never leaves half of it behind. This default, for stores
    /// written before it existed, writes them one after the other (in the order given) and promises no more than that.
    /// </summary>
    async Task SetManyAsync(string systemName, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            await SetAsync(systemName, key, value, cancellationToken).ConfigureAwait(false);
        }
    }
}

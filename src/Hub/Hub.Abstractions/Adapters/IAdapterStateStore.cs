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
}

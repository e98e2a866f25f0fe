using Hub.Adapters.Dynamics.Http;
using Hub.Adapters.Dynamics.Rows;

namespace Hub.Adapters.Dynamics;

/// <summary>
/// Checks at start that the Case (incident) table has an active alternate key on the correlation column, without which
/// the hub cannot create cases idempotently, and says how to make one when it has not.
/// </summary>
internal sealed class AlternateKeyCheck(DataverseConnection connection, string columnKey)
{
    /// <summary>Null when the key is there and active; otherwise what the admin should do.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        const string action = "read the alternate keys of the Case table";
        using var response = await connection.SendAsync((api, ct) => api.AlternateKeysAsync("LogicalName,KeyAttributes,EntityKeyIndexStatus", ct), action, cancellationToken);
        var keys = await connection.ReadAsync<ODataPage<EntityKeyRow>>(response, action, cancellationToken);
        var column = connection.Options.CorrelationKeyColumn;
        var key = keys.Value.FirstOrDefault(k => k.KeyAttributes.Count == 1 && string.Equals(k.KeyAttributes[0], column, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return $"{columnKey}: the Case (incident) table has no alternate key on column '{column}'. Create it in Power Apps (make.powerapps.com): "
                + $"Tables > Case > Columns > New column, a 'Single line of text' column with the logical name '{column}' (max. 100 characters); "
                + $"then Tables > Case > Keys > New key with only that column, and wait until its status is Active. "
                + $"Or set {columnKey} to the logical name of an existing column that has such a key.";
        }

        return string.Equals(key.EntityKeyIndexStatus, "Active", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{columnKey}: the alternate key '{key.LogicalName}' on column '{column}' is {key.EntityKeyIndexStatus}, not Active. "
              + "Dynamics builds its index in a background job: wait until it is Active; if it Failed, remove duplicate values in the column and reactivate the key (Tables > Case > Keys).";
    }
}

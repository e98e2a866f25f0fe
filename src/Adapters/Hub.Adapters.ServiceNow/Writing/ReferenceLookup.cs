using System.Collections.Concurrent;
using Hub.Abstractions.Adapters;
using Hub.Adapters.ServiceNow.Http;
using Hub.Adapters.ServiceNow.Reading;

namespace Hub.Adapters.ServiceNow.Writing;

/// <summary>
/// Reference columns (caller_id → sys_user, assignment_group → sys_user_group) take a sys_id. A setting or route may
/// name the row by sys_id (32 hex digits, used as it is) or by its display value (a group's name, a user's user_name or
/// e-mail address), which is looked up once and remembered for the adapter's life.
/// </summary>
internal sealed class ReferenceLookup(TableCalls calls)
{
    private readonly ConcurrentDictionary<(string Table, string Column, string Value), string?> known = new();

    public static bool IsSysId(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);

    /// <summary>The sys_id of the row of <paramref name="table"/> whose <paramref name="column"/> is <paramref name="value"/>; null when there is none.</summary>
    public async Task<string?> FindAsync(string table, string column, string value, CancellationToken cancellationToken)
    {
        var wanted = value.Trim();
        if (IsSysId(wanted))
        {
            return wanted;
        }

        if (known.TryGetValue((table, column, wanted), out var id))
        {
            return id;
        }

        var query = $"{column}={EncodedQueryText.Value(wanted, $"the {table} {column}", calls.SystemName)}";
        var rows = await calls.ListAsync($"looking up {table} '{wanted}'",
            (api, ct) => api.ListAsync(table, query, $"sys_id,{column}", 2, "false", "true", "true", ct), cancellationToken);
        var match = rows.Select(r => (Id: IncidentTranslation.Text(r, "sys_id"), Value: IncidentTranslation.Text(r, column)))
            .FirstOrDefault(r => string.Equals(r.Value, wanted, StringComparison.OrdinalIgnoreCase)).Id; // an unknown column is ignored by the instance: check the answer
        known[(table, column, wanted)] = match;
        return match;
    }

    /// <summary>Like <see cref="FindAsync"/>, but a missing row is a permanent failure naming the setting to fix.</summary>
    public async Task<string> RequireAsync(string table, string column, string value, string setting, CancellationToken cancellationToken) =>
        await FindAsync(table, column, value, cancellationToken)
        ?? throw AdapterException.Permanent(calls.SystemName, $"ServiceNow has no {table} whose {column} is '{value}'; correct {setting} or create it in the instance.");
}

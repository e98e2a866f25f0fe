using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>Addresses a case by its alternate key: <c>hub_correlationid='HUB-2026-000042'</c>.</summary>
internal static class IncidentKey
{
    /// <summary>Characters Dataverse cannot take in a key value addressed in the URL.</summary>
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/<>*%&:\\?+");

    public static string Segment(string column, string correlationKey, string systemName)
    {
        if (string.IsNullOrWhiteSpace(correlationKey) || correlationKey.Length > 100 || correlationKey.AsSpan().IndexOfAny(Forbidden) >= 0)
        {
            throw AdapterException.Permanent(systemName,
                $"The correlation key '{correlationKey}' cannot address a Dynamics case: it must be 1 to 100 characters without / < > * % & : \\ ? +.");
        }

        return $"{column}='{correlationKey.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Adapters.Dynamics.Http;

/// <summary>A typed row body (its JSON names on its members) as the JSON object a write sends.</summary>
internal static class DataverseBody
{
    public static JsonObject Of<T>(T row) => JsonSerializer.SerializeToNode(row)?.AsObject()
        ?? throw new InvalidOperationException($"A {typeof(T).Name} is not a JSON object.");
}

using Hub.Abstractions.Model;

namespace Hub.Abstractions.Mapping;

/// <summary>
/// The route parameters the engine and the adapters agree on. A route's "parameters" go to its target's adapter with
/// every command; for a route that picks its contractor (<see cref="RouteMapping.ContractorBy"/>) the engine adds the
/// contractor it picked. Parameters only one adapter reads (Dynamics "customer", TOPdesk "operatorGroup") are that
/// adapter's own.
/// </summary>
public static class RouteParameters
{
    /// <summary>The id of a contractor in the mappings' contractor directory.</summary>
    public const string Contractor = "contractor";

    /// <summary>The e-mail address of the contractor (for a route that names an address instead of a directory entry).</summary>
    public const string ContractorEmail = "contractorEmail";

    /// <summary>The language of the texts written to the target, when the route says it.</summary>
    public const string Language = Languages.SettingName;

    public static string? ContractorOf(IReadOnlyDictionary<string, string> parameters) => Value(parameters, Contractor);

    public static string? ContractorEmailOf(IReadOnlyDictionary<string, string> parameters) => Value(parameters, ContractorEmail);

    /// <summary>The route's language, else <see cref="Languages.Default"/>.</summary>
    public static string LanguageOf(IReadOnlyDictionary<string, string> parameters) => Value(parameters, Language) ?? Languages.Default;

    /// <summary>The route's parameters with the contractor the engine picked for it: its directory id and its e-mail address.</summary>
    public static Dictionary<string, string> WithContractor(IReadOnlyDictionary<string, string> parameters, ContractorMapping contractor)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(contractor);
        return new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            [Contractor] = contractor.Id,
            [ContractorEmail] = contractor.Email,
        };
    }

    private static string? Value(IReadOnlyDictionary<string, string> parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}

using System.Text.RegularExpressions;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Dynamics.Writing;

/// <summary>
/// The route parameter "customer" ("accounts(&lt;guid&gt;)" or "contacts(&lt;guid&gt;)") as the case's customer lookup:
/// <c>customerid_account@odata.bind: "/accounts(&lt;guid&gt;)"</c>.
/// </summary>
internal static partial class CustomerBinding
{
    public const string Parameter = "customer";

    public static (string Property, string Value) From(IReadOnlyDictionary<string, string> parameters, string systemName)
    {
        if (!parameters.TryGetValue(Parameter, out var customer) || string.IsNullOrWhiteSpace(customer))
        {
            throw AdapterException.Permanent(systemName,
                "A Dynamics case needs a customer: give the route to this system a parameter \"customer\": \"accounts(<account id>)\" (or \"contacts(<contact id>)\") in the mappings.");
        }

        var match = Pattern().Match(customer.Trim());
        if (!match.Success)
        {
            throw AdapterException.Permanent(systemName,
                $"The route parameter \"customer\" is '{customer}'; it must look like accounts(00000000-0000-0000-0000-000000000000) or contacts(...).");
        }

        var set = match.Groups["set"].Value;
        var property = set == "accounts" ? "customerid_account@odata.bind" : "customerid_contact@odata.bind";
        return (property, $"/{set}({match.Groups["id"].Value})");
    }

    [GeneratedRegex(@"^/?(?<set>accounts|contacts)\((?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)$")]
    private static partial Regex Pattern();
}

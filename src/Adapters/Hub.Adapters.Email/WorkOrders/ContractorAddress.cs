using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>Who a work order goes to, from the route's parameters: "contractor" (an id in the contractor directory) or "contractorEmail".</summary>
internal sealed record ContractorAddress(string? ContractorId, string Email, string Language)
{
    public const string ContractorParameter = "contractor";
    public const string ContractorEmailParameter = "contractorEmail";

    public static ContractorAddress From(IReadOnlyDictionary<string, string> parameters, MappingSet mappings, string systemName)
    {
        if (parameters.TryGetValue(ContractorParameter, out var id) && !string.IsNullOrWhiteSpace(id))
        {
            var contractor = mappings.FindContractorById(id)
                ?? throw AdapterException.Permanent(systemName, $"The contractor '{id}' is not in the contractor directory of the mappings; add it or fix the route's \"contractor\" parameter.");
            return new ContractorAddress(contractor.Id, Checked(contractor.Email, systemName, $"contractor '{id}'"), contractor.Language);
        }

        if (parameters.TryGetValue(ContractorEmailParameter, out var email) && !string.IsNullOrWhiteSpace(email))
        {
            return new ContractorAddress(null, Checked(email, systemName, "the route's \"contractorEmail\" parameter"), "nl");
        }

        throw AdapterException.Permanent(systemName, "The work order names no contractor: the route needs a \"contractor\" (directory id) or \"contractorEmail\" parameter.");
    }

    private static string Checked(string email, string systemName, string source) =>
        MailboxAddress.TryParse(email, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address.Address
            : throw AdapterException.Permanent(systemName, $"The e-mail address '{email}' of {source} is not valid.");
}

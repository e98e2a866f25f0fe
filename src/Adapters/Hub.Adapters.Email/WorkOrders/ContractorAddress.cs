using Hub.Abstractions.Adapters;
using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>
/// Who a work order goes to, from the route's parameters (<see cref="RouteParameters"/>): a contractor of the directory
/// (<see cref="RouteParameters.Contractor"/>, in that contractor's language) or an address
/// (<see cref="RouteParameters.ContractorEmail"/>, in the route's language, else the default).
/// </summary>
internal sealed record ContractorAddress(string? ContractorId, string Email, string Language)
{
    public static ContractorAddress From(IReadOnlyDictionary<string, string> parameters, MappingSet mappings, string systemName)
    {
        if (RouteParameters.ContractorOf(parameters) is { } id)
        {
            var contractor = mappings.FindContractorById(id)
                ?? throw AdapterException.Permanent(systemName, $"The contractor '{id}' is not in the contractor directory of the mappings; add it or fix the route's \"{RouteParameters.Contractor}\" parameter.");
            return new ContractorAddress(contractor.Id, Checked(contractor.Email, systemName, $"contractor '{id}'"), contractor.Language);
        }

        if (RouteParameters.ContractorEmailOf(parameters) is { } email)
        {
            return new ContractorAddress(null, Checked(email, systemName, $"the route's \"{RouteParameters.ContractorEmail}\" parameter"), RouteParameters.LanguageOf(parameters));
        }

        throw AdapterException.Permanent(systemName, $"The work order names no contractor: the route needs a \"{RouteParameters.Contractor}\" (directory id) or \"{RouteParameters.ContractorEmail}\" parameter.");
    }

    private static string Checked(string email, string systemName, string source) =>
        MailboxAddress.TryParse(email, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address.Address
            : throw AdapterException.Permanent(systemName, $"The e-mail address '{email}' of {source} is not valid.");
}

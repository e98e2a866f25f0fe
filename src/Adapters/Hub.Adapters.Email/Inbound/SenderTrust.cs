using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Mapping;

namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// Whether a sender may speak for the contractor a work order went to: the address the order went to, the
/// contractor's address, or one of its listed senders (an address, or "@domain" for anyone at that domain).
/// </summary>
internal static class SenderTrust
{
    public static bool MaySpeakFor(string sender, WorkOrder order, ContractorMapping? contractor)
    {
        var allowed = new List<string> { order.To };
        if (contractor is not null)
        {
            allowed.Add(contractor.Email);
            allowed.AddRange(contractor.Senders);
        }

        return allowed.Any(entry => Matches(sender.Trim(), entry.Trim()));
    }

    private static bool Matches(string sender, string entry) =>
        entry.StartsWith('@')
            ? entry.Length > 1 && sender.EndsWith(entry, StringComparison.OrdinalIgnoreCase)
            : entry.Length > 0 && string.Equals(sender, entry, StringComparison.OrdinalIgnoreCase);
}

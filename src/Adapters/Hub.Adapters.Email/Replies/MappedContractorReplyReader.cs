using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The reply reader with the phrases of the mapping in force and the zone it is asked for: rebuilt when the mapping
/// changes, so an admin who adds a phrase sees it used on the next reply without a restart.
/// </summary>
internal sealed class MappedContractorReplyReader(IMappingProvider mappings, TimeProvider time) : IContractorReplyReader
{
    private readonly Lock gate = new();
    private (string Version, string Zone, ContractorReplyReader Reader)? current;

    public ContractorReply Read(MimeMessage message, string language, TimeZoneInfo zone) => ReaderFor(mappings.Current, zone).Read(message, language);

    private ContractorReplyReader ReaderFor(MappingSet set, TimeZoneInfo zone)
    {
        lock (gate)
        {
            if (current is not { } known || known.Version != set.Version || known.Zone != zone.Id)
            {
                current = (set.Version, zone.Id, new ContractorReplyReader(set.Phrases, time, zone));
            }

            return current.Value.Reader;
        }
    }
}

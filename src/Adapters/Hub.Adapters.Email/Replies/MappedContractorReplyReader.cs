using Hub.Abstractions.Mapping;
using MimeKit;

namespace Hub.Adapters.Email.Replies;

/// <summary>
/// The reply reader with the phrases of the mapping in force: rebuilt when the mapping changes, so an admin who
/// adds a phrase sees it used on the next reply without a restart.
/// </summary>
internal sealed class MappedContractorReplyReader(IMappingProvider mappings, TimeProvider time) : IContractorReplyReader
{
    private readonly Lock gate = new();
    private (string Version, ContractorReplyReader Reader)? current;

    public ContractorReply Read(MimeMessage message, string language) => ReaderFor(mappings.Current).Read(message, language);

    private ContractorReplyReader ReaderFor(MappingSet set)
    {
        lock (gate)
        {
            if (current is not { } known || known.Version != set.Version)
            {
                current = (set.Version, new ContractorReplyReader(set.Phrases, time));
            }

            return current.Value.Reader;
        }
    }
}

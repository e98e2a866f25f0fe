using Hub.Adapters.Email.Replies;
using MimeKit;

namespace Hub.Adapters.Email;

/// <summary>
/// Reads what a contractor's mail means (accepted, scheduled with a window, done, a comment or an automatic
/// reply) and the contractor's own words, in the contractor's language ("nl", "en").
/// </summary>
internal interface IContractorReplyReader
{
    ContractorReply Read(MimeMessage message, string language);
}

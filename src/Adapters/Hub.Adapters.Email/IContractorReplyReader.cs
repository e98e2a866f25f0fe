using Hub.Adapters.Email.Replies;
using MimeKit;

namespace Hub.Adapters.Email;

/// <summary>
/// Reads what a contractor's mail means (accepted, scheduled with a window, done, a comment or an automatic
/// reply) and the contractor's own words, in the contractor's language ("nl", "en"); dates and times without an
/// offset are read in <c>zone</c>, the hub's zone (Hub:Sync:TimeZone), which is where the contractor works.
/// </summary>
internal interface IContractorReplyReader
{
    ContractorReply Read(MimeMessage message, string language, TimeZoneInfo zone);
}

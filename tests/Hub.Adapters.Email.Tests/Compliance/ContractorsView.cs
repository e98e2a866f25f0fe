using System.Security.Cryptography;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Hub.Abstractions.Model;
using MimeKit;

namespace Hub.Adapters.Email.Tests.Compliance;

/// <summary>
/// A work order's status as its contractor sees it, whatever carried the mails: what the hub told them last about it.
/// The one status change e-mail carries is the cancellation; an order and its follow-ups leave it "ordered".
/// </summary>
internal static class ContractorsView
{
    public const string Ordered = "ordered";
    public const string Cancelled = "cancelled";

    public static (ApplyChangeCommand Change, string Shown) Cancellation(string workOrder) => (new ApplyChangeCommand
    {
        CaseId = "HUB-2026-000042",
        ExternalId = workOrder,
        Kind = ChangeKind.Cancelled,
        Fields = new CaseFields { Status = CaseStatus.Cancelled },
    }, Cancelled);

    public static string? StatusOf(IEnumerable<MimeMessage> mails, string workOrder)
    {
        var kinds = mails.Where(m => m.Headers[WorkOrderMail.WorkOrderHeader] == workOrder).Select(m => m.Headers[WorkOrderMail.MailKindHeader]).ToList();
        return kinds.Contains("cancellation") ? Cancelled : kinds.Contains("work-order") ? Ordered : null;
    }

    public static int OrdersWith(IEnumerable<MimeMessage> mails, string correlationKey) =>
        mails.Count(m => m.Headers[WorkOrderMail.CorrelationHeader] == correlationKey && m.Headers[WorkOrderMail.MailKindHeader] == "work-order");

    /// <summary>A token of the form the adapter gives work orders, which no order of this test has.</summary>
    public static string UnknownWorkOrder() => "WO-" + new string(RandomNumberGenerator.GetItems<char>("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 8));
}

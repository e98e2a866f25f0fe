using System.Globalization;
using Hub.Abstractions.Mapping;

namespace Hub.Adapters.Email.WorkOrders;

/// <summary>Writes the words of a work order, a follow-up and a cancellation from the mappings' template or the built-in texts.</summary>
internal static class WorkOrderWriter
{
    public static RenderedMail WorkOrder(string token, string language, WorkOrderContent content, MappingSet mappings)
    {
        var texts = BuiltInTexts.For(language);
        var template = mappings.TemplateFor(language) ?? texts.WorkOrder;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["token"] = WorkOrderToken.Tag(token),
            ["caseId"] = content.CaseId,
            ["title"] = OrDash(content.Title),
            ["description"] = content.Description,
            ["location"] = OrDash(content.Location),
            ["reporter"] = OrDash(content.Reporter),
            ["targetDate"] = content.TargetDate?.ToString(texts.DateFormat, CultureInfo.InvariantCulture) ?? "-",
            ["references"] = content.References,
        };
        return new RenderedMail(
            SubjectWithToken(TemplateText.Plain(template.Subject, values), token),
            TemplateText.Plain(template.Body, values),
            TemplateText.Html(template.Body, values));
    }

    public static RenderedMail FollowUp(WorkOrder order, string text)
    {
        var texts = BuiltInTexts.For(order.Language);
        var values = ValuesOf(order);
        values["text"] = text;
        var body = texts.FollowUpIntro + "\n\n{{text}}\n";
        return new RenderedMail(
            SubjectWithToken(TemplateText.Plain(texts.FollowUpSubject, values), order.Token),
            TemplateText.Plain(body, values),
            TemplateText.Html(body, values));
    }

    public static RenderedMail Cancellation(WorkOrder order)
    {
        var texts = BuiltInTexts.For(order.Language);
        var values = ValuesOf(order);
        return new RenderedMail(
            SubjectWithToken(TemplateText.Plain(texts.CancellationSubject, values), order.Token),
            TemplateText.Plain(texts.CancellationBody + "\n", values),
            TemplateText.Html(texts.CancellationBody, values));
    }

    private static Dictionary<string, string> ValuesOf(WorkOrder order) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["token"] = WorkOrderToken.Tag(order.Token),
        ["title"] = order.Title,
        ["caseId"] = order.CaseId,
    };

    private static string SubjectWithToken(string subject, string token)
    {
        var line = TemplateText.SingleLine(subject);
        return WorkOrderToken.FindIn(line) == token ? line : $"{line} {WorkOrderToken.Tag(token)}".Trim();
    }

    private static string OrDash(string value) => string.IsNullOrWhiteSpace(value) ? "-" : value;
}

using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Email.Tests;

public sealed class WorkOrderTests
{
    [Fact]
    public void The_work_order_mapping_is_valid()
    {
        var configuration = AdapterMapper.CreateConfiguration<WorkOrderProfile>(licenseKey: null, NullLoggerFactory.Instance);

        configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void Tokens_are_random_unambiguous_and_found_again_in_a_reply_subject()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => WorkOrderToken.New()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Matches("^WO-[2-9A-HJ-NP-Z]{8}$", t));
        Assert.Equal(tokens[0], WorkOrderToken.FindIn($"RE: AW: Werkorder [ {tokens[0].ToLowerInvariant()} ]: lek"));
        Assert.Null(WorkOrderToken.FindIn("Re: Werkorder WO-12345678 zonder haken"));
    }

    [Fact]
    public void Hostile_case_text_is_escaped_in_the_html_part_and_plain_in_the_text_part()
    {
        var content = new WorkOrderContent
        {
            CaseId = "HUB-2026-000042",
            Title = "<img src=x onerror=alert(1)>",
            Description = "\"Quotes\" & <b>bold</b>\u0007",
        };

        var mail = WorkOrderWriter.WorkOrder("WO-7K3QX9PM", "en", content, Hub.Abstractions.Mapping.MappingSet.Empty);

        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("\"Quotes\" & <b>bold</b>", mail.PlainBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", mail.PlainBody, StringComparison.Ordinal);
        Assert.Equal("Work order [WO-7K3QX9PM]: <img src=x onerror=alert(1)>", mail.Subject);
    }

    [Fact]
    public void The_mappings_template_for_the_contractors_language_is_used_and_the_token_is_added_when_it_lacks_one()
    {
        var mappings = new Hub.Abstractions.Mapping.MappingSet
        {
            Templates = [new Hub.Abstractions.Mapping.MessageTemplate("nl", "Opdracht {{caseId}}", "Graag {{title}} oplossen in {{location}}.")],
        };

        var mail = WorkOrderWriter.WorkOrder("WO-7K3QX9PM", "nl", new WorkOrderContent { CaseId = "HUB-1", Title = "lek", Location = "Gebouw A" }, mappings);

        Assert.Equal("Opdracht HUB-1 [WO-7K3QX9PM]", mail.Subject);
        Assert.Equal("Graag lek oplossen in Gebouw A.", mail.PlainBody);
    }
}

using Hub.Adapters.TopDesk.Api;

namespace Hub.Adapters.TopDesk.Tests;

public sealed class TopDeskErrorBodyTests
{
    [Fact]
    public void The_incident_APIs_message_list_is_joined()
    {
        var said = TopDeskErrorBody.Describe("""[{"message":"briefDescription: too long"},{"message":"'callerLookup.id' cannot be parsed"}]""");
        Assert.Equal("briefDescription: too long; 'callerLookup.id' cannot be parsed", said);
    }

    [Fact]
    public void The_supporting_files_errors_object_names_fields_message_and_code()
    {
        var said = TopDeskErrorBody.Describe(
            """{"errors":[{"errorCode":"item_visibility_invalid","appliesTo":["visibility","branch"],"errorMessage":"Not visible"}]}""");
        Assert.Equal("visibility, branch: Not visible (item_visibility_invalid)", said);
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_quoted_shortly()
    {
        var said = TopDeskErrorBody.Describe("<html><body>" + new string('x', 2000) + "</body></html>");
        Assert.StartsWith("<html>", said, StringComparison.Ordinal);
        Assert.True(said.Length <= 501, said);
    }

    [Fact]
    public void An_empty_body_says_no_details_were_given()
    {
        Assert.Equal("no details given", TopDeskErrorBody.Describe(""));
    }
}

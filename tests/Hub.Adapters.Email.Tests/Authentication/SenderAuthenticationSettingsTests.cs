using Hub.Adapters.Email.Tests.PickupFolders;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.Authentication;

public sealed class SenderAuthenticationSettingsTests : IDisposable
{
    private const string RequireKey = "Hub:Systems:contractor:SenderAuthentication:Require";
    private const string AuthServIdKey = "Hub:Systems:contractor:SenderAuthentication:AuthServId";
    private readonly MailFolders folders = new();

    public void Dispose() => folders.Dispose();

    [Theory]
    [InlineData("Dmarc", "", AuthServIdKey, "is required when")]
    [InlineData("DkimAligned", " ", AuthServIdKey, "is required when")]
    [InlineData("None", "mx.hub.test", AuthServIdKey, "nothing is checked")]
    [InlineData("Dmarc", "mx.hub.test; dmarc=pass", AuthServIdKey, "is not an authserv-id")]
    public void A_requirement_without_an_authserv_id_or_an_id_without_a_requirement_stops_the_start_by_its_key(string require, string authServId, string key, string says)
    {
        folders.System.Set("SenderAuthentication:Require", require).Set("SenderAuthentication:AuthServId", authServId);

        var failure = Assert.Throws<HubConfigurationException>(folders.System.CreateAdapter);

        Assert.Equal(key, failure.Key);
        Assert.StartsWith(key + ":", failure.Message, StringComparison.Ordinal);
        Assert.Contains(says, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_requirement_is_refused_with_the_choices()
    {
        folders.System.Set("SenderAuthentication:Require", "Spf").Set("SenderAuthentication:AuthServId", "mx.hub.test");

        var failure = Assert.Throws<HubConfigurationException>(folders.System.CreateAdapter);

        Assert.Contains("SenderAuthentication:Require is None, Dmarc or DkimAligned", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_warns_while_replies_are_believed_on_their_From_alone_and_is_quiet_once_Dmarc_is_required()
    {
        var fromOnly = folders.System.CreateAdapter();
        var warnings = folders.System.Logs.Lines.Where(IsFromOnlyWarning).ToList();
        using var dmarcFolders = new MailFolders();
        dmarcFolders.System.Set("SenderAuthentication:Require", "Dmarc").Set("SenderAuthentication:AuthServId", "mx.hub.test");
        var authenticated = dmarcFolders.System.CreateAdapter();

        Assert.Equal("contractor", fromOnly.SystemName);
        Assert.Contains(RequireKey, Assert.Single(warnings), StringComparison.Ordinal);
        Assert.Equal("contractor", authenticated.SystemName);
        Assert.DoesNotContain(dmarcFolders.System.Logs.Lines, IsFromOnlyWarning);
    }

    private static bool IsFromOnlyWarning(string line) =>
        line.StartsWith("Warning:", StringComparison.Ordinal) && line.Contains("From header alone", StringComparison.Ordinal);
}

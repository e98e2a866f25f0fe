using Hub.Adapters.Email.Options;
using static Hub.Adapters.Email.Options.SenderAuthenticationRequirement;

namespace Hub.Adapters.Email.Tests.Authentication;

/// <summary>
/// Authentication-Results headers (RFC 8601) in the shapes Microsoft 365, Gmail and Postfix with OpenDMARC write
/// them, and which one the hub believes: only the topmost with the configured authserv-id.
/// </summary>
public sealed class AuthenticationResultsTests
{
    private const string Microsoft365Pass = """
        Received: from AM0PR02MB5321.eurprd02.prod.outlook.com (2603:10a6:208:12a::19) by
         DB9PR02MB7242.eurprd02.prod.outlook.com with HTTPS; Mon, 23 Nov 2026 07:41:09 +0000
        Authentication-Results: spf=pass (sender IP is 209.85.221.44)
         smtp.mailfrom=contractor.example; dkim=pass (signature was verified)
         header.d=contractor.example;dmarc=pass action=none
         header.from=contractor.example;compauth=pass reason=100
        Received-SPF: Pass (protection.outlook.com: domain of contractor.example
         designates 209.85.221.44 as permitted sender) receiver=protection.outlook.com;
         client-ip=209.85.221.44; helo=mail-wr1-f44.google.com; pr=C
        """;

    private const string GmailPass = """
        ARC-Authentication-Results: i=1; mx.google.com;
               dkim=pass header.i=@contractor.example header.s=20230601 header.b=Qm3Ft1xa;
               spf=pass (google.com: domain of loodgieter@contractor.example designates 209.85.220.41 as permitted sender) smtp.mailfrom=loodgieter@contractor.example;
               dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=contractor.example
        Authentication-Results: mx.google.com;
               dkim=pass header.i=@contractor.example header.s=20230601 header.b=Qm3Ft1xa;
               spf=pass (google.com: domain of loodgieter@contractor.example designates 209.85.220.41 as permitted sender) smtp.mailfrom=loodgieter@contractor.example;
               dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=contractor.example
        """;

    private const string OpenDmarcPass = "Authentication-Results: mx.hub.test; dmarc=pass (p=reject dis=none) header.from=contractor.example";
    private const string OpenDmarcFail = "Authentication-Results: mx.hub.test; dmarc=fail (p=reject dis=none) header.from=contractor.example";

    [Fact]
    public void A_Microsoft_365_header_without_an_authserv_id_with_dmarc_pass_proves_the_sender()
    {
        Assert.Null(StampedReply.Refusal(StampedReply.With(Microsoft365Pass), Dmarc, SenderAuthenticationOptions.Microsoft365));
    }

    [Fact]
    public void A_Gmail_header_with_dmarc_pass_proves_the_sender_and_its_ARC_copy_is_not_what_counts()
    {
        var gmail = StampedReply.With(GmailPass);
        var arcOnly = StampedReply.With(GmailPass.Split("Authentication-Results: mx.google.com;")[0].TrimEnd());

        Assert.Null(StampedReply.Refusal(gmail, Dmarc, "mx.google.com"));
        Assert.Equal($"From {StampedReply.From} not authenticated: no Authentication-Results header by mx.google.com",
            StampedReply.Refusal(arcOnly, Dmarc, "mx.google.com"));
    }

    [Fact]
    public void An_OpenDMARC_pass_proves_the_sender_and_its_fail_is_the_reason_given()
    {
        Assert.Null(StampedReply.Refusal(StampedReply.With(OpenDmarcPass), Dmarc, "mx.hub.test"));
        Assert.Equal($"From {StampedReply.From} not authenticated: dmarc=fail (p=reject dis=none) header.from=contractor.example by mx.hub.test",
            StampedReply.Refusal(StampedReply.With(OpenDmarcFail), Dmarc, "mx.hub.test"));
    }

    [Fact]
    public void A_reply_without_a_header_by_the_configured_server_is_not_believed()
    {
        var unstamped = StampedReply.With("Received: from mail.contractor.example ([192.0.2.25]) by mx.hub.test with ESMTPS; Mon, 23 Nov 2026 08:41:05 +0100");

        Assert.Equal($"From {StampedReply.From} not authenticated: no Authentication-Results header by mx.hub.test",
            StampedReply.Refusal(unstamped, Dmarc, "mx.hub.test"));
    }

    [Fact]
    public void A_pass_the_sender_wrote_below_the_servers_fail_with_the_servers_own_id_is_never_read()
    {
        var forged = StampedReply.With(OpenDmarcFail, senderWrote: OpenDmarcPass);

        Assert.Contains("dmarc=fail (p=reject dis=none)", StampedReply.Refusal(forged, Dmarc, "mx.hub.test"), StringComparison.Ordinal);
        Assert.NotNull(StampedReply.Refusal(forged, DkimAligned, "mx.hub.test"));
    }

    [Fact]
    public void A_pass_the_sender_wrote_below_Microsoft_365s_fail_is_never_read_either()
    {
        var fail = """
            Authentication-Results: spf=fail (sender IP is 198.51.100.7)
             smtp.mailfrom=contractor.example; dkim=none (message not signed)
             header.d=none;dmarc=fail action=oreject header.from=contractor.example;compauth=fail
             reason=000
            """;
        var forged = StampedReply.With(fail, senderWrote: Microsoft365Pass);

        Assert.Equal($"From {StampedReply.From} not authenticated: dmarc=fail header.from=contractor.example by Microsoft 365 (the header without an authserv-id)",
            StampedReply.Refusal(forged, Dmarc, SenderAuthenticationOptions.Microsoft365));
    }

    [Fact]
    public void Headers_of_other_servers_above_the_trusted_one_are_passed_over_and_a_pass_by_another_id_counts_for_nothing()
    {
        var below = StampedReply.With("Authentication-Results: mailbox.hub.test; none\r\n" + OpenDmarcPass);
        var otherIdOnly = StampedReply.With(GmailPass);

        Assert.Null(StampedReply.Refusal(below, Dmarc, "mx.hub.test"));
        Assert.StartsWith($"From {StampedReply.From} not authenticated: no Authentication-Results header by mx.hub.test",
            StampedReply.Refusal(otherIdOnly, Dmarc, "mx.hub.test"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_authserv_id_is_compared_without_case_and_a_version_comments_and_quoted_values_are_read()
    {
        var stamp = StampedReply.With("""
            Authentication-Results: MX.Hub.Test 1 (OpenDMARC filter v1.4.2); (checked at the border)
            	dmarc=pass (p=quarantine dis=none) header.from="Contractor.Example"
            """);

        Assert.Null(StampedReply.Refusal(stamp, Dmarc, "mx.hub.test"));
    }

    [Fact]
    public void A_dmarc_pass_for_another_domain_than_the_From_does_not_prove_it()
    {
        var other = StampedReply.With("Authentication-Results: mx.hub.test; dmarc=pass (p=none dis=none) header.from=evil.example");

        Assert.Equal($"From {StampedReply.From} not authenticated: dmarc=pass (p=none dis=none) header.from=evil.example by mx.hub.test",
            StampedReply.Refusal(other, Dmarc, "mx.hub.test"));
    }

    [Theory]
    [InlineData("header.d=contractor.example", true)]
    [InlineData("header.d=mail.contractor.example", true)]
    [InlineData("header.i=@contractor.example header.s=20230601", true)]
    [InlineData("header.d=contractor.example.evil.test", false)]
    [InlineData("header.d=evil-contractor.example", false)]
    [InlineData("header.d=example", false)]
    [InlineData("header.d=gappssmtp.com header.i=@contractor-example.20230601.gappssmtp.com", false)]
    public void DkimAligned_takes_a_dkim_pass_whose_signer_is_the_From_domain_or_its_sub_or_parent_domain(string signer, bool aligned)
    {
        var stamp = StampedReply.With($"Authentication-Results: mx.hub.test; dkim=pass (2048-bit key; unprotected) {signer} header.b=kR2X8h1W; dmarc=none (p=none dis=none) header.from=contractor.example");

        Assert.Equal(aligned, StampedReply.Refusal(stamp, DkimAligned, "mx.hub.test") is null);
        Assert.NotNull(StampedReply.Refusal(stamp, Dmarc, "mx.hub.test"));
    }

    [Fact]
    public void DkimAligned_names_the_dkim_and_dmarc_results_when_neither_proves_the_sender()
    {
        var stamp = StampedReply.With("Authentication-Results: mx.hub.test; spf=softfail smtp.mailfrom=contractor.example; dkim=fail (bad signature) header.d=contractor.example; dmarc=none header.from=contractor.example");

        Assert.Equal($"From {StampedReply.From} not authenticated: dkim=fail (bad signature) header.d=contractor.example; dmarc=none header.from=contractor.example by mx.hub.test",
            StampedReply.Refusal(stamp, DkimAligned, "mx.hub.test"));
    }

    [Fact]
    public void A_header_at_the_top_that_cannot_be_read_is_not_passed_over_to_reach_a_pass_below_it()
    {
        var unreadable = StampedReply.With("Authentication-Results: mx.hub.test; dmarc=\r\n" + OpenDmarcPass);

        Assert.Equal($"From {StampedReply.From} not authenticated: an Authentication-Results header at or above the one by mx.hub.test cannot be read",
            StampedReply.Refusal(unreadable, Dmarc, "mx.hub.test"));
    }

    [Fact]
    public void Without_a_requirement_every_reply_is_believed_as_before()
    {
        Assert.Null(StampedReply.Refusal(StampedReply.With(OpenDmarcFail), None, string.Empty));
    }
}

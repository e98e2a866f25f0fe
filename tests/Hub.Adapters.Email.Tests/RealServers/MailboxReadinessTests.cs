using Hub.Adapters.Email.Tests.Support;
using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Email.Tests.RealServers;

/// <summary>
/// The mail checks `hub check` prints and the contractor's health check reports, against the real Postfix and Dovecot:
/// SMTP and IMAP sign-in, and the reply, processed and quarantine folders, each a line that names what failed.
/// </summary>
[Collection(MailServerGroup.Name)]
[Trait(TestCategory.Key, TestCategory.RealServers)]
public sealed class MailboxReadinessTests(MailServers servers)
{
    [Fact]
    public async Task With_the_right_passwords_and_the_folders_there_every_mail_check_passes()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        var adapter = setup.System.CreateAdapter();
        await adapter.CheckHealthAsync(Samples.Timeout()); // the hub makes its folders when it first reads the mailbox

        var checks = await Readiness(adapter).CheckReadinessAsync(Samples.Timeout());

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(["SMTP sign-in", "IMAP sign-in", "folder Imap:Folder", "folder ProcessedFolder", "folder QuarantineFolder", "folder SentCopyFolder"], checks.Select(c => c.Name));
        Assert.Contains(checks, c => c.Name == "IMAP sign-in" && c.Detail.EndsWith($" as {setup.Hub.Address}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_IMAP_password_fails_the_IMAP_sign_in_line_with_the_keys_to_fix_and_no_password()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        setup.System.Set("Imap:Password", "not-" + setup.Hub.Password);
        var adapter = setup.System.CreateAdapter();

        var checks = await Readiness(adapter).CheckReadinessAsync(Samples.Timeout());

        Assert.True(checks.Single(c => c.Name == "SMTP sign-in").Passed);
        var imap = checks.Single(c => c.Name == "IMAP sign-in");
        Assert.False(imap.Passed);
        Assert.Equal("check Hub:Systems:contractor:Imap:Host, Port, Security, Username and Password", imap.Fix);
        Assert.DoesNotContain(setup.Hub.Password, imap.Detail + imap.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(checks, c => c.Name.StartsWith("folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_processed_folder_that_is_not_there_fails_its_line_naming_the_folder_and_the_setting()
    {
        var setup = await HubMailboxSetup.CreateAsync(servers);
        await setup.System.CreateAdapter().CheckHealthAsync(Samples.Timeout()); // the other folders are made
        setup.System.Set("ProcessedFolder", "Hub/Afgehandeld");
        var adapter = setup.System.CreateAdapter();

        var checks = await Readiness(adapter).CheckReadinessAsync(Samples.Timeout());

        var folder = Assert.Single(checks, c => !c.Passed);
        Assert.Equal("folder ProcessedFolder", folder.Name);
        Assert.Equal($"'Hub/Afgehandeld' does not exist in the mailbox of {setup.Hub.Address}", folder.Detail);
        Assert.Contains("or set Hub:Systems:contractor:ProcessedFolder to an existing folder", folder.Fix, StringComparison.Ordinal);
    }

    private static ISystemReadiness Readiness(ISystemAdapter adapter) =>
        Assert.IsAssignableFrom<ISystemReadiness>(adapter);
}

using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Hub.Sandbox.Tests;

/// <summary>
/// `hub-sandbox --chain &lt;name&gt;`: every system the hub ships can be tried in the sandbox. Each chain runs on its shipped
/// example mapping folder, the demo complaint goes down to the contractor and the contractor's answers come back up to
/// the system it was logged in, narrated from the hub's own API.
/// </summary>
[Collection(OneSandboxAtATime.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class SandboxChainTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Theory]
    [InlineData("servicenow-servicedesk", "Abel Tuter reports in ServiceNow: INC", "servicedesk INC", "→ facility CAS-", "Resolved")]
    [InlineData("servicenow-facility", "Eva Jansen reports in TOPdesk: I ", "servicedesk I ", "→ facility INC", "Gereed")]
    [InlineData("topdesk-topdesk", "Eva Jansen reports in TOPdesk: I ", "servicedesk I ", "→ facility I ", "Gereed")]
    public async Task With_a_chain_named_the_complaint_reaches_the_contractor_through_its_systems_and_the_acceptance_comes_back_to_the_first(
        string chain, string reported, string serviceDeskRecord, string facilityRecord, string doneStatus)
    {
        await using var sandbox = SandboxProcess.Start("--once", "--chain", chain);

        var exit = await sandbox.WaitForExitAsync(Patience);
        log.WriteLine(sandbox.Output);

        Assert.Equal(0, exit);
        var output = sandbox.Output;
        Assert.Contains($"Hub sandbox, chain {chain}: ", output, StringComparison.Ordinal);
        Assert.Matches(new Regex($@"mappings\s+\S+{Regex.Escape(Path.Combine("mappings", "examples", chain))}\r?\n"), output);
        Assert.Contains(reported, output, StringComparison.Ordinal);

        // down: the first system, the building manager's system, the contractor's work order
        Assert.Matches(SandboxAssert.Journaled("Created", "Observed", serviceDeskRecord), output);
        Assert.Matches(SandboxAssert.Journaled("Created", "Applied", facilityRecord), output);
        Assert.Matches(SandboxAssert.Journaled("Created", "Applied", "→ contractor WO-"), output);

        // up: the contractor's acceptance, in the first system's words, and in the end its resolve
        Assert.Matches(new Regex(@"HUB-\d{4}-\d{6}\s+StatusChanged\s+Observed\s+contractor WO-\S+\s+\{""status"":""Accepted""\}"), output);
        Assert.Matches(new Regex($@"HUB-\d{{4}}-\d{{6}}\s+Milestone\s+Observed\s+{Regex.Escape("→ " + serviceDeskRecord)}[^\n]*De monteur heeft de opdracht aangenomen"), output);
        Assert.Matches(SandboxAssert.Journaled("StatusChanged", "Applied", "→ " + serviceDeskRecord), output);
        Assert.Matches(SandboxAssert.Journaled("Resolved", "Applied", "→ " + serviceDeskRecord), output);
        Assert.Contains($"status: {doneStatus} (completed)", output, StringComparison.Ordinal);
        Assert.Contains("    - De monteur heeft de opdracht aangenomen.", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"The hub's record of it, case HUB-\d{4}-\d{6} \(status Resolved\)"), output);
        SandboxAssert.NoHubLeft(sandbox);
    }

    [Fact]
    public async Task An_unknown_chain_is_refused_with_the_names_of_the_chains_the_sandbox_knows_and_no_hub_is_started()
    {
        await using var sandbox = SandboxProcess.Start("--once", "--chain", "sap-topdesk");

        var exit = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exit);
        Assert.Contains(
            "--chain: 'sap-topdesk' is not a chain the sandbox knows; choose one of topdesk-dynamics, servicenow-servicedesk, servicenow-facility, topdesk-topdesk.",
            sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(hub run, pid", sandbox.Output, StringComparison.Ordinal);
    }
}

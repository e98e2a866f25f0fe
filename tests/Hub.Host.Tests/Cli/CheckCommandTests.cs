using System.CommandLine;
using System.Globalization;
using Hub.Host.Cli;
using Hub.Host.Tests.Audit;

namespace Hub.Host.Tests.Cli;

/// <summary>
/// `hub check` against the simulated TOPdesk and Dynamics 365 and a contractor on pickup folders: one line per check,
/// PASS or FAIL with the system, the check and (on a failure) the fix; exit 0 only when every check passes, 1 when
/// one fails, 2 with every configuration problem named by its key.
/// </summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly CheckedSite site = new();

    [Fact]
    public async Task When_every_system_is_ready_hub_check_prints_only_PASS_lines_and_exits_0()
    {
        var result = await site.CheckAsync();

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var lines = Lines(result.Output);
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        foreach (var expected in new[]
                 {
                     "PASS  servicedesk  reachable:", "PASS  servicedesk  signed in:", "PASS  servicedesk  incident rights:",
                     "PASS  servicedesk  mapped status values:", "PASS  servicedesk  mapped category values:", "PASS  servicedesk  mapped subcategory values:",
                     "PASS  facility  signed in:", "PASS  facility  privileges:", "PASS  facility  change tracking on incident:", "PASS  facility  alternate key hub_correlationid:",
                     "PASS  contractor  folder Directory:Processed:",
                 })
        {
            Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.Matches(@"^hub check: \d+ passed, 0 failed\.$", lines[^1]);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task When_the_operator_has_no_incident_rights_hub_check_fails_that_line_with_the_fix_and_exits_1()
    {
        site.TopDesk.WithdrawIncidentRights();

        var result = await site.CheckAsync();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Output), l => l.StartsWith("FAIL  servicedesk  incident rights:", StringComparison.Ordinal));
        Assert.Contains("403", line, StringComparison.Ordinal);
        Assert.Contains("Fix: give operator 'hub-koppeling' the tasks 1st and 2nd line call operator", line, StringComparison.Ordinal);
        Assert.Matches(@"^hub check: \d+ passed, [1-9]\d* failed\.$", Lines(result.Output)[^1]);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task When_the_mapping_uses_a_category_TOPdesk_does_not_have_hub_check_names_the_value_and_exits_1()
    {
        site.EditMapping("values.servicedesk.json", "{ \"value\": \"Facilitair\", \"canonical\": \"Facilitair\" }", "{ \"value\": \"Gebouwbeheer\", \"canonical\": \"Facilitair\" }");

        var line = await OnlyFailureAsync();
        Assert.StartsWith("FAIL  servicedesk  mapped category values: the mapping uses category 'Gebouwbeheer', which servicedesk does not have (it has 'Facilitair', 'ICT')", line, StringComparison.Ordinal);
        Assert.Contains("Fix: correct the value in the valueMaps entry for system 'servicedesk', field 'category'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_mapping_uses_a_status_reason_the_Dynamics_org_does_not_have_hub_check_names_the_option_value_and_exits_1()
    {
        site.EditMapping("values.facility.json", "{ \"value\": \"2\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" }", "{ \"value\": \"7\", \"canonical\": \"Waiting\", \"description\": \"On Hold\" }");

        var line = await OnlyFailureAsync();
        Assert.StartsWith("FAIL  facility  mapped status values: the mapping uses status '7', which facility does not have (it has '1', '1000', '2', '2000', '3', '4', '5', '6')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_change_tracking_is_off_on_incident_hub_check_says_how_to_turn_it_on_and_exits_1()
    {
        site.Dynamics.DisableChangeTracking();

        var line = await OnlyFailureAsync();
        Assert.StartsWith("FAIL  facility  change tracking on incident: the Case (incident) table does not track changes", line, StringComparison.Ordinal);
        Assert.Contains("Fix: in Power Apps (make.powerapps.com) open Tables > Case > Properties > Advanced options and tick 'Track changes'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_alternate_key_is_missing_hub_check_names_the_column_and_exits_1()
    {
        site.Dynamics.RemoveAlternateKey();

        var line = await OnlyFailureAsync();
        Assert.StartsWith("FAIL  facility  alternate key hub_correlationid: Hub:Systems:facility:CorrelationKeyColumn: the Case (incident) table has no alternate key on column 'hub_correlationid'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_application_user_may_not_write_cases_hub_check_names_the_privilege_and_exits_1()
    {
        site.Dynamics.WithdrawPrivilege("prvWriteIncident");

        var line = await OnlyFailureAsync();
        Assert.StartsWith("FAIL  facility  privileges: the application user lacks prvWriteIncident", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_pickup_folder_is_missing_hub_check_names_it_and_exits_1()
    {
        Directory.Delete(Path.Combine(site.Folder, "Quarantine"));

        var result = await site.CheckAsync();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Output), l => l.StartsWith("FAIL  contractor  folder Directory:Quarantine:", StringComparison.Ordinal));
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_configuration_errors_in_two_systems_are_all_named_by_their_keys_and_hub_check_exits_2()
    {
        site.Overrides["Hub:Systems:servicedesk:PollInterval"] = "soon";
        site.Overrides["Hub:Systems:servicedesk:ApplicationPassword"] = null;
        site.Overrides["Hub:Systems:facility:ClientSecret"] = null;

        var result = await site.CheckAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var problems = Lines(result.Error).Where(l => l.StartsWith("hub: configuration error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Systems:servicedesk:PollInterval: 'soon' is not a positive time span", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Systems:servicedesk:ApplicationPassword:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Systems:facility:ClientSecret:", StringComparison.Ordinal));
        Assert.Equal("hub: 3 configuration problems; fix them all, then start again.", Lines(result.Error)[^1]);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task The_start_names_all_three_configuration_errors_at_once_and_exits_2()
    {
        site.Overrides["Hub:Systems:servicedesk:PollInterval"] = "soon";
        site.Overrides["Hub:Systems:servicedesk:ApplicationPassword"] = null;
        site.Overrides["Hub:Systems:facility:ClientSecret"] = null;
        var config = site.WriteConfiguration();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await HubCli.Build().Parse(["run", "--config", config]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exit);
        var problems = Lines(error.ToString()).Where(l => l.StartsWith("hub: configuration error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Hub:Systems:servicedesk:PollInterval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hub:Systems:servicedesk:ApplicationPassword", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hub:Systems:facility:ClientSecret", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.Folder, "hub.db")), "the refused start created its database");
    }

    [Fact]
    public async Task A_command_given_a_bad_setting_names_every_problem_instead_of_printing_an_exception()
    {
        site.Overrides["Hub:Systems:servicedesk:PollInterval"] = "soon";
        site.Overrides["Hub:Systems:facility:WebhookSecret"] = "short";
        var config = site.WriteConfiguration();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await HubCli.Build().Parse(["status", "--config", config]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exit);
        Assert.Equal(
            [
                "hub: configuration error: Hub:Systems:facility:WebhookSecret: is shorter than 16 characters; use a long random value, e.g. the output of `openssl rand -hex 32`.",
                "hub: configuration error: Hub:Systems:servicedesk:PollInterval: 'soon' is not a positive time span; write it as hh:mm:ss, e.g. \"00:01:00\".",
                "hub: 2 configuration problems; fix them all, then start again.",
            ],
            Lines(error.ToString()));
    }

    [Fact]
    public async Task When_no_system_uses_a_shipped_adapter_each_unknown_adapter_is_named_with_all_four()
    {
        // No shipped adapter is in use, so all four are registered by name only (ShippedAdapters), and still offered.
        foreach (var system in new[] { "servicedesk", "facility", "contractor" })
        {
            site.Overrides[$"Hub:Systems:{system}:Adapter"] = "Jira";
        }

        var result = await site.CheckAsync();

        Assert.True(result.ExitCode == 2, result.Output + result.Error);
        Assert.Equal(3, Lines(result.Error).Count(l => l.Contains("unknown adapter 'Jira'. Use one of: Dynamics, Email, ServiceNow, TopDesk; ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_time_zone_and_engine_numbers_below_one_are_named_instead_of_falling_back_to_UTC()
    {
        site.Overrides["Hub:Sync:TimeZone"] = "Europe/Amsterdm";
        site.Overrides["Hub:Sync:DispatchConcurrency"] = "0";
        site.Overrides["Hub:Sync:MaxAttempts"] = "0";

        var result = await site.CheckAsync();

        Assert.Equal(2, result.ExitCode);
        var problems = Lines(result.Error).Where(l => l.StartsWith("hub: configuration error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Sync:TimeZone: 'Europe/Amsterdm' is not a time zone this machine knows", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Sync:DispatchConcurrency: must be 1 or more", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("hub: configuration error: Hub:Sync:MaxAttempts: must be 1 or more", StringComparison.Ordinal));
    }

    /// <summary>Runs `hub check`, which must exit 1 with exactly one FAIL line; that line.</summary>
    private async Task<string> OnlyFailureAsync()
    {
        var result = await site.CheckAsync();
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        AssertNoSecret(result);
        return Assert.Single(Lines(result.Output), l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    private void AssertNoSecret(CliResult result) =>
        Assert.All(site.Secrets, secret => Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => site.Dispose();
}

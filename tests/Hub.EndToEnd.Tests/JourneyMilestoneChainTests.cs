using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// What the employee reads in TOPdesk while the real `hub` takes the demo complaint through the simulated chain: the
/// milestones, once each and in order, in the contractor's language, and nothing of the contractor's own mail. (The
/// overdue contractor is tested in-process with a hand-moved clock, Hub.Engine.Tests' OverdueStepTests: this hub runs on
/// the real clock.)
/// </summary>
[Collection(RunsAlone.Name)]
[Trait(TestCategory.Key, TestCategory.EndToEnd)]
public sealed class JourneyMilestoneChainTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("nl", "Uw melding is doorgestuurd naar de gebouwbeheerder.", "De gebouwbeheerder heeft een monteur ingeschakeld.", "De monteur heeft de opdracht aangenomen.",
        @"^Monteur komt \p{L}+ \d\d-\d\d tussen 08:00 en 11:00$", "De monteur meldt dat het werk klaar is.")]
    [InlineData("en", "Your report has been passed on to the building manager.", "The building manager has called in an engineer.", "The engineer has accepted the job.",
        @"^Engineer visits \p{L}+ \d\d-\d\d between 08:00 and 11:00$", "The engineer reports that the work is done.")]
    public async Task The_employee_reads_each_milestone_once_in_order_in_the_contractors_language_and_no_contractor_signature(
        string language, string forwarded, string workOrderSent, string accepted, string appointment, string done)
    {
        await using var world = new ChainWorld(log, contractorLanguage: language);
        var incident = Complaints.BlockedToilet(world.TopDesk);
        world.StartHub();

        await world.EventuallyAsync(
            () => world.TopDesk.Incident(incident.Id).Completed && ReaderSees(world, incident.Id).Contains(done),
            TimeSpan.FromSeconds(90), "the incident completed with the 'done' milestone");
        await Task.Delay(TimeSpan.FromSeconds(4)); // the polls after the round trip add nothing

        var seen = ReaderSees(world, incident.Id);
        Assert.Equal(5, seen.Count);
        Assert.Equal([forwarded, workOrderSent, accepted], seen.Take(3));
        Assert.Matches(new Regex(appointment), seen[3]);
        Assert.Equal(done, seen[4]);
        var everything = world.TopDesk.ActionsOf(incident.Id).Select(a => a.PlainText)
            .Concat(world.Dynamics.Notes.Select(n => n.NoteText ?? string.Empty)).ToList();
        Assert.DoesNotContain(everything, t => t.Contains("Jan de Vries", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, t => t.Contains("Met vriendelijke groet", StringComparison.OrdinalIgnoreCase) || t.Contains("Kind regards", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(world.TopDesk.ActionsOf(incident.Id), a => a.PlainText.Contains("gepland", StringComparison.OrdinalIgnoreCase) || a.PlainText.Contains("scheduled", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The entries of the incident's progress trail its caller can see, oldest first.</summary>
    private static List<string> ReaderSees(ChainWorld world, string incidentId) =>
        [.. world.TopDesk.ActionsOf(incidentId).Where(a => !a.InvisibleForCaller).OrderBy(a => a.EntryDate).Select(a => a.PlainText.Trim())];
}

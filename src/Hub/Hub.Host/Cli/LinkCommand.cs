using System.CommandLine;
using System.Globalization;
using Hub.Engine.Audit;
using Hub.Engine.Persistence;
using Hub.Host.Audit;
using Hub.Host.Configuration;

namespace Hub.Host.Cli;

/// <summary>
/// `hub link &lt;ref&gt; [--days N]`: the reporter's read-only link for one complaint (its milestones only), to paste into
/// the incident. Prints the URL alone on standard output and until when it works on standard error. Needs
/// Hub:Api:ReporterLinks on, with its key file; exit 2 with the key named when it is not, 1 when no single case matches.
/// </summary>
internal sealed class LinkCommand : IHubCommandFactory
{
    public const int NotFound = 1;

    public Command Create()
    {
        var reference = new Argument<string>("ref")
        {
            Description = "The complaint: hub id (HUB-2026-000042), a TOPdesk or Dynamics number, a work-order token or a record id.",
        };
        var days = new Option<int?>("--days")
        {
            Description = $"How many days the link works (1 to {ReporterLinkOptions.MaximumDays}); default Hub:Api:ReporterLinks:Days.",
        };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > ReporterLinkOptions.MaximumDays)
            {
                result.AddError($"--days: a link works 1 to {ReporterLinkOptions.MaximumDays} days.");
            }
        });
        var command = new Command("link", "Make a reporter's read-only link to one complaint's milestones (Hub:Api:ReporterLinks).") { reference, days };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetRequiredValue(reference), parse.GetValue(days), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string reference, int? days, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.From(parse);
        var settings = (configuration.Root.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions()).ReporterLinks;
        if (!settings.Enabled)
        {
            return await ConfigurationRefusal.WriteAsync(parse.InvocationConfiguration.Error,
                [$"{ReporterLinkOptions.Section}:Enabled: reporter links are off; set it to true and name a key file in {ReporterLinkOptions.Section}:KeyFile (see README, The reporter's link)."]);
        }

        if (settings.Problems(configuration.BaseDirectory) is { Count: > 0 } problems)
        {
            return await ConfigurationRefusal.WriteAsync(parse.InvocationConfiguration.Error, problems);
        }

        var token = new ReporterLinkToken(settings.Key(configuration.BaseDirectory));
        var site = SiteOf(settings, configuration);
        return await AuditDatabase.ReadAsync(parse, db => IssueAsync(db, parse, reference, token, site, days ?? settings.Days, cancellationToken), cancellationToken);
    }

    private static async Task<int> IssueAsync(
        HubDbContext db, ParseResult parse, string reference, ReporterLinkToken token, Uri site, int days, CancellationToken cancellationToken)
    {
        var matches = await CaseFinder.FindAsync(db, reference, cancellationToken).ConfigureAwait(false);
        if (matches.Count != 1)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                (matches.Count == 0
                    ? $"No case found for '{AuditText.Cell(reference, 80)}'."
                    : $"'{AuditText.Cell(reference, 80)}' matches {matches.Count} cases; give the hub id (see `hub trace`).").AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return NotFound;
        }

        var expiresAt = TimeProvider.System.GetUtcNow().AddDays(days);
        var url = new Uri(site, ReporterPage.RelativePath + token.Issue(matches[0].CaseId, expiresAt));
        await parse.InvocationConfiguration.Output.WriteLineAsync(url.AbsoluteUri.AsMemory(), cancellationToken).ConfigureAwait(false);
        await parse.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Reporter's link to {matches[0].CaseId}: its milestones only, until {expiresAt:yyyy-MM-dd HH:mm} UTC.").AsMemory(), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Hub:Api:ReporterLinks:BaseUrl, else the first of Hub:Api:Urls (a wildcard host read as localhost).</summary>
    private static Uri SiteOf(ReporterLinkOptions settings, HubConfiguration configuration)
    {
        var text = string.IsNullOrWhiteSpace(settings.BaseUrl)
            ? ApiSettings.Urls(configuration.Root)[0].Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)
            : settings.BaseUrl;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}

using System.Globalization;

namespace Hub.Simulators.ServiceNow;

/// <summary>
/// The simulated instance's tables (incident, sys_journal_field, sys_user, sys_user_group, sys_choice) and the
/// business rules the hub meets: numbers, sys_ fields stamped by the writer, priority computed from impact × urgency
/// (a written priority is overridden), incident_state kept in step with state, journal columns that append an entry
/// per write, and the data policy that refuses Resolved or Closed without close_code and close_notes.
/// </summary>
internal sealed class ServiceNowInstance(TimeProvider time, string integrationUser, string userTimeZone)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public const string StaffUser = "beth.anglin";

    private static readonly HashSet<string> JournalColumns = ["comments", "work_notes"];

    private int nextNumber = 10001;
    private long nextId = 1;

    public Lock Gate { get; } = new();

    public string IntegrationUser => integrationUser;

    public List<SimulatedIncident> Incidents { get; } = [];

    public List<SimulatedJournalEntry> Journal { get; } = [];

    public List<Dictionary<string, string>> Users { get; } =
    [
        User("5137153cc611227c000bbd1bd8cd2005", integrationUser, "Hub Integration", "hub@servicedesk.example", userTimeZone),
        User("46d44a23a9fe19810012d100cca80666", StaffUser, "Beth Anglin", "beth.anglin@example.com", "Europe/Amsterdam"),
        User("62826bf03710200044e0bfc8bcbe5df1", "abel.tuter", "Abel Tuter", "abel.tuter@example.com", "Europe/Amsterdam"),
    ];

    public List<Dictionary<string, string>> Groups { get; } =
    [
        new(StringComparer.Ordinal) { ["sys_id"] = "287ebd7da9fe198100f92cc8d1d2154e", ["name"] = "Facilities", ["active"] = "true" },
        new(StringComparer.Ordinal) { ["sys_id"] = "8a5055c9c61122780043563ef53438e3", ["name"] = "Service Desk", ["active"] = "true" },
    ];

    /// <summary>sys_choice rows of the incident table: (element, value, label).</summary>
    public List<(string Element, string Value, string Label)> Choices { get; } =
    [
        ("state", "1", "New"), ("state", "2", "In Progress"), ("state", "3", "On Hold"), ("state", "6", "Resolved"), ("state", "7", "Closed"), ("state", "8", "Canceled"),
        ("hold_reason", "1", "Awaiting Caller"), ("hold_reason", "3", "Awaiting Problem"), ("hold_reason", "4", "Awaiting Vendor"), ("hold_reason", "5", "Awaiting Change"),
        ("priority", "1", "1 - Critical"), ("priority", "2", "2 - High"), ("priority", "3", "3 - Moderate"), ("priority", "4", "4 - Low"), ("priority", "5", "5 - Planning"),
        ("impact", "1", "1 - High"), ("impact", "2", "2 - Medium"), ("impact", "3", "3 - Low"),
        ("urgency", "1", "1 - High"), ("urgency", "2", "2 - Medium"), ("urgency", "3", "3 - Low"),
        ("category", "inquiry", "Inquiry / Help"), ("category", "software", "Software"), ("category", "hardware", "Hardware"),
        ("category", "network", "Network"), ("category", "database", "Database"), ("category", "facilities", "Facilities"),
        ("subcategory", "plumbing", "Plumbing"), ("subcategory", "heating", "Heating"), ("subcategory", "electrical", "Electrical"),
        ("close_code", "Solved (Permanently)", "Solved (Permanently)"), ("close_code", "Solved (Work Around)", "Solved (Work Around)"),
        ("close_code", "Not Solved (Not Reproducible)", "Not Solved (Not Reproducible)"), ("close_code", "Closed/Resolved by Caller", "Closed/Resolved by Caller"),
    ];

    public string Now => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset moment) => moment.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    public string NewSysId() => (nextId++).ToString("x32", CultureInfo.InvariantCulture)[..20] + Guid.NewGuid().ToString("N")[..12];

    public SimulatedIncident Get(string sysId) =>
        Incidents.FirstOrDefault(i => i.SysId == sysId) ?? throw new ServiceNowApiError(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");

    public SimulatedIncident NewIncident(string writer)
    {
        var incident = new SimulatedIncident(NewSysId(), "INC" + (nextNumber++).ToString("D7", CultureInfo.InvariantCulture));
        incident.Values["sys_created_on"] = Now;
        incident.Values["sys_created_by"] = writer;
        incident.Values["sys_updated_on"] = Now;
        incident.Values["sys_updated_by"] = writer;
        Incidents.Add(incident);
        return incident;
    }

    /// <summary>
    /// Writes columns as the Table API does: sys_ columns and unknown columns are ignored, journal columns append an
    /// entry, the business rules run, and the data policy is checked before anything is kept.
    /// </summary>
    public void Write(SimulatedIncident incident, IReadOnlyDictionary<string, string> columns, string writer, bool creating)
    {
        var next = new Dictionary<string, string>(incident.Values, StringComparer.Ordinal);
        var entries = new List<(string Element, string Text)>();
        foreach (var (column, value) in columns)
        {
            if (JournalColumns.Contains(column))
            {
                if (value.Length > 0)
                {
                    entries.Add((column, value));
                }
            }
            else if (!column.StartsWith("sys_", StringComparison.Ordinal) && next.ContainsKey(column) && column is not ("number" or "priority" or "incident_state"))
            {
                next[column] = value;
            }
        }

        next["priority"] = PriorityOf(next["impact"], next["urgency"]);
        next["incident_state"] = next["state"];
        next["active"] = next["state"] is "7" or "8" ? "false" : "true";
        if (next["state"] is "6" or "7" && (next["close_code"].Length == 0 || next["close_notes"].Length == 0))
        {
            var missing = new[] { (next["close_code"], "Resolution code"), (next["close_notes"], "Close notes") }.Where(m => m.Item1.Length == 0).Select(m => m.Item2);
            throw new ServiceNowApiError(403, "Operation Failed", $"Data Policy Exception: \n The following fields are mandatory: {string.Join(", ", missing)}\n");
        }

        foreach (var (column, value) in next)
        {
            incident.Values[column] = value;
        }

        foreach (var (element, text) in entries)
        {
            Journal.Add(new SimulatedJournalEntry(NewSysId(), incident.SysId, element, text, Now, writer));
        }

        if (!creating)
        {
            Touch(incident, writer);
        }
    }

    public void Touch(SimulatedIncident incident, string writer)
    {
        incident.Values["sys_updated_on"] = Now;
        incident.Values["sys_updated_by"] = writer;
        incident.Values["sys_mod_count"] = (incident.ModCount + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The default priority lookup rules: impact 1–3 × urgency 1–3 → priority 1–5.</summary>
    public static string PriorityOf(string impact, string urgency) =>
        int.TryParse(impact, out var i) && int.TryParse(urgency, out var u) && i is >= 1 and <= 3 && u is >= 1 and <= 3
            ? Math.Min(5, i + u - 1).ToString(CultureInfo.InvariantCulture)
            : "5";

    /// <summary>The display value of a column: a choice's label, a referenced row's name, a journal's entries newest first.</summary>
    public string DisplayOf(SimulatedIncident incident, string column)
    {
        var value = incident.Values.GetValueOrDefault(column, string.Empty);
        return column switch
        {
            "caller_id" => Users.FirstOrDefault(u => u["sys_id"] == value)?["name"] ?? string.Empty,
            "assignment_group" => Groups.FirstOrDefault(g => g["sys_id"] == value)?["name"] ?? string.Empty,
            "comments" or "work_notes" => string.Concat(Journal.Where(j => j.ElementId == incident.SysId && j.Element == column).Reverse()
                .Select(j => $"{j.CreatedOn} - {Users.FirstOrDefault(u => u["user_name"] == j.CreatedBy)?["name"] ?? j.CreatedBy} ({(column == "comments" ? "Additional comments" : "Work notes")})\n{j.Value}\n\n")),
            _ => Choices.FirstOrDefault(c => c.Element == column && c.Value == value).Label ?? value,
        };
    }

    public static bool IsReference(string column) => column is "caller_id" or "assignment_group" or "location";

    private static Dictionary<string, string> User(string sysId, string userName, string name, string email, string zone) => new(StringComparer.Ordinal)
    {
        ["sys_id"] = sysId,
        ["user_name"] = userName,
        ["name"] = name,
        ["email"] = email,
        ["time_zone"] = zone,
        ["active"] = "true",
    };
}

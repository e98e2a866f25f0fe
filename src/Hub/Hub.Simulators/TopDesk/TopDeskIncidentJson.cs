using System.Text.Json.Nodes;

namespace Hub.Simulators.TopDesk;

/// <summary>
/// Renders incidents and actions in the shape of TOPdesk's answers: every key present (null when empty), nested
/// <c>{id, name}</c>, <c>action</c>/<c>requests</c>/<c>attachments</c> as URL strings, dates as
/// <c>2020-10-01T14:10:00.000+0000</c> (or ISO 8601 when a list asks with <c>dateFormat=iso8601</c>).
/// </summary>
internal static class TopDeskIncidentJson
{
    public static JsonObject Incident(SimulatedIncident i, bool isoDates, IReadOnlySet<string>? fields)
    {
        string? Date(DateTimeOffset? d) => d is { } v ? (isoDates ? TopDeskClock.Iso(v) : TopDeskClock.Classic(v)) : null;
        var self = $"/tas/api/incidents/id/{i.Id}";
        var json = new JsonObject
        {
            ["id"] = i.Id,
            ["status"] = i.LineAsRead,
            ["number"] = i.Number,
            ["request"] = string.IsNullOrEmpty(i.Request) ? null : TopDeskHtml.ToPlain(i.Request),
            ["requests"] = self + "/requests",
            ["action"] = self + "/actions",
            ["attachments"] = self + "/attachments",
            ["caller"] = new JsonObject
            {
                ["id"] = null,
                ["dynamicName"] = i.CallerName,
                ["phoneNumber"] = i.CallerPhone,
                ["mobileNumber"] = null,
                ["email"] = i.CallerEmail,
                ["branch"] = null,
            },
            ["callerBranch"] = null,
            ["callerLocation"] = Ref(i.CallerLocation),
            ["branchExtraFieldA"] = null,
            ["branchExtraFieldB"] = null,
            ["briefDescription"] = i.BriefDescription,
            ["externalNumber"] = i.ExternalNumber,
            ["category"] = Ref(i.Category),
            ["subcategory"] = Ref(i.Subcategory),
            ["callType"] = null,
            ["entryType"] = null,
            ["object"] = null,
            ["asset"] = null,
            ["branch"] = null,
            ["location"] = null,
            ["impact"] = null,
            ["urgency"] = null,
            ["priority"] = Ref(i.Priority),
            ["duration"] = null,
            ["actualDuration"] = 0,
            ["targetDate"] = Date(i.TargetDate),
            ["sla"] = null,
            ["onHold"] = false,
            ["onHoldDate"] = null,
            ["onHoldDuration"] = 0,
            ["feedbackMessage"] = null,
            ["feedbackRating"] = null,
            ["operator"] = null,
            ["operatorGroup"] = Ref(i.OperatorGroup),
            ["supplier"] = null,
            ["processingStatus"] = Ref(i.ProcessingStatus),
            ["responded"] = false,
            ["responseDate"] = null,
            ["completed"] = i.Completed,
            ["completedDate"] = Date(i.CompletedDate),
            ["closed"] = i.Closed,
            ["closedDate"] = Date(i.ClosedDate),
            ["closureCode"] = null,
            ["timeSpent"] = 0,
            ["timeSpentFirstLine"] = 0,
            ["timeSpentSecondLine"] = 0,
            ["timeSpentPartial"] = 0,
            ["timeSpentLinkedPartials"] = 0,
            ["itemCosts"] = 0.0,
            ["objectCosts"] = 0.0,
            ["costs"] = 0.0,
            ["escalationStatus"] = null,
            ["escalationReason"] = null,
            ["escalationOperator"] = null,
            ["callDate"] = Date(i.CreationDate),
            ["creator"] = Ref(i.Creator),
            ["creationDate"] = Date(i.CreationDate),
            ["modifier"] = Ref(i.Modifier),
            ["modificationDate"] = Date(i.ModificationDate),
            ["majorCall"] = false,
            ["majorCallObject"] = null,
            ["publishToSsd"] = false,
            ["monitored"] = false,
            ["expectedTimeSpent"] = 0,
            ["archivingReason"] = i.Archived ? new JsonObject { ["id"] = "a1", ["name"] = "Verouderd" } : null,
            ["mainIncident"] = null,
            ["partialIncidents"] = new JsonArray(),
            ["optionalFields1"] = null,
            ["optionalFields2"] = null,
            ["externalLinks"] = new JsonArray(),
        };
        foreach (var (field, raw) in i.RawFields)
        {
            json[field] = JsonNode.Parse(raw);
        }

        if (fields is not null)
        {
            foreach (var key in json.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList())
            {
                json.Remove(key);
            }
        }

        return json;
    }

    public static JsonObject Action(SimulatedAction a) => new()
    {
        ["id"] = a.Id,
        ["memoText"] = a.MemoText,
        ["plainText"] = a.PlainText,
        ["flag"] = 0,
        ["invisibleForCaller"] = a.InvisibleForCaller,
        ["entryDate"] = TopDeskClock.IsoWithMilliseconds(a.EntryDate),
        ["operator"] = Ref(a.Operator),
        ["person"] = Ref(a.Person),
    };

    public static JsonObject? Ref(SimulatedRef? value) =>
        value is null ? null : new JsonObject { ["id"] = value.Id, ["name"] = value.Name };
}

namespace Hub.Simulators.Dynamics;

/// <summary>
/// The tables of the simulated org (incident, annotation, incidentresolution) with Dataverse's rules:
/// one row version counter for everything, read-only resolved and cancelled cases, CloseIncident as the only
/// way to resolve, and a change log that delta links read from.
/// </summary>
internal sealed class DataverseStore(TimeProvider time, string correlationKeyColumn)
{
    private readonly Lock gate = new();
    private readonly List<SimulatedCase> cases = [];
    private readonly List<SimulatedNote> notes = [];
    private readonly List<SimulatedResolution> resolutions = [];
    private readonly List<(long Version, Guid Id)> deletedCases = [];
    private long version = 1_000_000;
    private int ticketSequence = 1000;

    public string CorrelationKeyColumn { get; } = correlationKeyColumn;

    public long CurrentVersion
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    public IReadOnlyList<SimulatedCase> Cases()
    {
        lock (gate)
        {
            return cases.Select(c => c.Copy()).ToList();
        }
    }

    public IReadOnlyList<SimulatedNote> Notes()
    {
        lock (gate)
        {
            return notes.Select(n => n.Copy()).ToList();
        }
    }

    public IReadOnlyList<SimulatedResolution> Resolutions()
    {
        lock (gate)
        {
            return resolutions.ToList();
        }
    }

    public IReadOnlyList<(long Version, Guid Id)> DeletedSince(long sinceVersion)
    {
        lock (gate)
        {
            return deletedCases.Where(d => d.Version > sinceVersion).ToList();
        }
    }

    public SimulatedCase? Find(Guid id)
    {
        lock (gate)
        {
            return cases.FirstOrDefault(c => c.Id == id)?.Copy();
        }
    }

    public SimulatedCase? FindByKey(string key)
    {
        lock (gate)
        {
            return cases.FirstOrDefault(c => string.Equals(c.CorrelationKey, key, StringComparison.OrdinalIgnoreCase))?.Copy();
        }
    }

    public SimulatedCase Create(CasePatch patch, Guid actor, string? correlationKey = null)
    {
        lock (gate)
        {
            if (string.IsNullOrWhiteSpace(patch.Title))
            {
                throw DataverseFault.BadRequest("Attribute 'title' cannot be NULL", "0x80040200");
            }

            if (patch.CustomerId is null)
            {
                throw DataverseFault.BadRequest("You should specify a parent contact or account.", "0x80040278");
            }

            if (patch.StateCode is 1)
            {
                throw ResolveByUpdate();
            }

            var now = Now();
            var row = new SimulatedCase
            {
                Id = Guid.NewGuid(),
                TicketNumber = $"CAS-{++ticketSequence:D5}-{RandomSuffix()}",
                CreatedOn = now,
                ModifiedOn = now,
                CreatedBy = actor,
                ModifiedBy = actor,
                CorrelationKey = correlationKey ?? patch.CorrelationKey,
                Version = ++version,
            };
            patch.ApplyTo(row);
            cases.Add(row);
            return row.Copy();
        }
    }

    /// <summary>Updates a case the way a PATCH does; <paramref name="ifMatch"/> is an ETag or "*".</summary>
    public SimulatedCase Update(Guid id, CasePatch patch, Guid actor, string? ifMatch)
    {
        lock (gate)
        {
            var row = cases.FirstOrDefault(c => c.Id == id)
                ?? throw DataverseFault.NotFound($"incident With Id = {id} Does Not Exist");
            if (ifMatch is not null && ifMatch != "*" && !string.Equals(ifMatch, row.ETag, StringComparison.Ordinal))
            {
                throw DataverseFault.PreconditionFailed("The version of the existing record doesn't match the RowVersion property provided.");
            }

            if (patch.StateCode is 1)
            {
                throw ResolveByUpdate();
            }

            var reactivates = patch.StateCode is 0 && row.StateCode != 0;
            if (row.StateCode != 0 && !reactivates)
            {
                throw DataverseFault.BadRequest("This case has already been resolved or cancelled. Reactivate it before you change it.", "0x80040203");
            }

            patch.ApplyTo(row);
            if (patch.StateCode is { } state && patch.StatusCode is null)
            {
                row.StatusCode = DefaultStatusOf(state);
            }

            if (!StatusBelongsToState(row.StatusCode, row.StateCode))
            {
                throw DataverseFault.BadRequest($"{row.StatusCode} is not a valid status code for state code IncidentState.{StateName(row.StateCode)} on incident with Id {row.Id}.", "0x8004431a");
            }

            Touch(row, actor);
            return row.Copy();
        }
    }

    /// <summary>From now on the case is served with <paramref name="column"/> as this raw JSON (null: its value again); the row changes.</summary>
    public void ServeRaw(Guid id, string column, string? rawJson, Guid actor)
    {
        lock (gate)
        {
            var row = cases.FirstOrDefault(c => c.Id == id)
                ?? throw DataverseFault.NotFound($"incident With Id = {id} Does Not Exist");
            if (rawJson is null)
            {
                row.RawColumns.Remove(column);
            }
            else
            {
                row.RawColumns[column] = rawJson;
            }

            Touch(row, actor);
        }
    }

    public SimulatedCase Close(Guid id, int status, string? subject, string? description, Guid actor)
    {
        lock (gate)
        {
            var row = cases.FirstOrDefault(c => c.Id == id)
                ?? throw DataverseFault.NotFound($"incident With Id = {id} Does Not Exist");
            if (row.StateCode != 0)
            {
                throw DataverseFault.BadRequest("The incident is already resolved or cancelled and cannot be closed.", "0x80040203");
            }

            var reason = status == -1 ? 5 : status;
            if (!StatusBelongsToState(reason, 1))
            {
                throw DataverseFault.BadRequest($"{status} is not a valid status code for state code IncidentState.Resolved on incident with Id {id}.", "0x8004431a");
            }

            row.StateCode = 1;
            row.StatusCode = reason;
            Touch(row, actor);
            resolutions.Add(new SimulatedResolution(Guid.NewGuid(), id, subject, description, reason, Now()));
            return row.Copy();
        }
    }

    public void Delete(Guid id)
    {
        lock (gate)
        {
            if (cases.RemoveAll(c => c.Id == id) == 0)
            {
                throw DataverseFault.NotFound($"incident With Id = {id} Does Not Exist");
            }

            notes.RemoveAll(n => n.CaseId == id);
            deletedCases.Add((++version, id));
        }
    }

    public SimulatedNote AddNote(Guid caseId, string? subject, string? text, Guid actor, Guid? id = null)
    {
        lock (gate)
        {
            if (id is { } wanted && notes.Any(n => n.Id == wanted))
            {
                throw DataverseFault.PreconditionFailed("A record with matching key values already exists.");
            }

            if (cases.All(c => c.Id != caseId))
            {
                throw DataverseFault.NotFound($"incident With Id = {caseId} Does Not Exist");
            }

            var now = Now();
            var note = new SimulatedNote
            {
                Id = id ?? Guid.NewGuid(),
                CaseId = caseId,
                Subject = subject,
                NoteText = text,
                CreatedOn = now,
                ModifiedOn = now,
                CreatedBy = actor,
                Version = ++version,
            };
            notes.Add(note);
            return note.Copy();
        }
    }

    internal static int DefaultStatusOf(int state) => state switch
    {
        1 => 5,
        2 => 6,
        _ => 1,
    };

    internal static bool StatusBelongsToState(int status, int state) => state switch
    {
        0 => status is 1 or 2 or 3 or 4,
        1 => status is 5 or 1000,
        2 => status is 6 or 2000,
        _ => false,
    };

    internal static string StateName(int state) => state switch
    {
        0 => "Active",
        1 => "Resolved",
        2 => "Cancelled",
        _ => state.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DataverseFault ResolveByUpdate() => DataverseFault.BadRequest(
        "This message can not be used to set the state of incident to Resolved. In order to set state of incident to Resolved, use the CloseIncidentRequest message instead.",
        "0x80040203");

    private static string RandomSuffix() =>
        Convert.ToHexString(Guid.NewGuid().ToByteArray())[..6];

    private void Touch(SimulatedCase row, Guid actor)
    {
        row.ModifiedOn = Now();
        row.ModifiedBy = actor;
        row.Version = ++version;
    }

    /// <summary>Dataverse keeps date-times to the second.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}

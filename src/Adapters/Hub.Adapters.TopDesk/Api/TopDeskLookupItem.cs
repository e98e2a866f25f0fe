namespace Hub.Adapters.TopDesk.Api;

/// <summary>An entry of a look-up list (processing statuses, categories, priorities): id and name.</summary>
internal sealed class TopDeskLookupItem
{
    public string Id { get; set; } = string.Empty;
    public string? Name { get; set; }
}

/// <summary>A subcategory with the category it belongs to.</summary>
internal sealed class TopDeskSubcategory
{
    public string Id { get; set; } = string.Empty;
    public string? Name { get; set; }
    public TopDeskRef? Category { get; set; }
}

/// <summary>An operator group card; TOPdesk calls its name <c>groupName</c>.</summary>
internal sealed class TopDeskOperatorGroup
{
    public string Id { get; set; } = string.Empty;
    public string? GroupName { get; set; }
}

/// <summary>The operator the hub logs in as (<c>GET /operators/current</c>).</summary>
internal sealed class TopDeskOperator
{
    public string Id { get; set; } = string.Empty;
    public string? DynamicName { get; set; }

    /// <summary>The operator's task "1st line call operator": may create and change first-line incidents.</summary>
    public bool FirstLineCallOperator { get; set; }

    /// <summary>The operator's task "2nd line call operator": may create and change second-line incidents.</summary>
    public bool SecondLineCallOperator { get; set; }
}

/// <summary>The answer of <c>GET /version</c>: the TOPdesk REST API's version.</summary>
internal sealed class TopDeskVersion
{
    public string? Version { get; set; }
}

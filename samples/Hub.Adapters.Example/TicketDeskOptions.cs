namespace Hub.Adapters.Example;

/// <summary>One TicketDesk system's settings, under <c>Hub:Systems:&lt;name&gt;</c>.</summary>
public sealed class TicketDeskOptions
{
    /// <summary>Where TicketDesk's API lives, e.g. https://tickets.example.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The hub's API key; sent as X-Api-Key, never logged or written into a message.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How many events one read asks for.</summary>
    public int PageSize { get; set; } = 50;
}

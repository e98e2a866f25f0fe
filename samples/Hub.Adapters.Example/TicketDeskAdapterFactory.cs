using Hub.Abstractions.Adapters;

namespace Hub.Adapters.Example;

/// <summary>Makes the adapter of one configured TicketDesk system from its validated options.</summary>
internal sealed class TicketDeskAdapterFactory : IAdapterFactory
{
    public const string Type = "TicketDesk";

    public string AdapterType => Type;

    public ISystemAdapter Create(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.OptionsOf<TicketDeskOptions>();
        var http = new HttpClient { BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        return new TicketDeskAdapter(context.SystemName, new TicketDeskCalls(context.SystemName, http, context.Time), options.PageSize);
    }
}

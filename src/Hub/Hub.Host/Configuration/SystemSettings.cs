using System.Globalization;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Configuration;

/// <summary>The host's view of one configured system (Hub:Systems:&lt;name&gt;): its adapter type, poll interval and webhook (null: off).</summary>
internal sealed record SystemSettings(string Name, string Adapter, TimeSpan PollInterval, WebhookSettings? Webhook, IConfigurationSection Section)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>Reads every configured system; a missing adapter, a bad interval or bad webhook settings stop the start with the key named.</summary>
    public static IReadOnlyList<SystemSettings> ReadAll(IConfiguration configuration)
    {
        var systems = new List<SystemSettings>();
        foreach (var section in configuration.GetSection("Hub:Systems").GetChildren())
        {
            var adapter = section["Adapter"];
            if (string.IsNullOrWhiteSpace(adapter))
            {
                throw new HubConfigurationException($"{section.Path}:Adapter", "is required: TopDesk, Dynamics or Email.");
            }

            var interval = DefaultPollInterval;
            if (section["PollInterval"] is { Length: > 0 } text)
            {
                if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval) || interval <= TimeSpan.Zero)
                {
                    throw new HubConfigurationException($"{section.Path}:PollInterval", $"'{text}' is not a positive time span; write it as hh:mm:ss, e.g. \"00:01:00\".");
                }
            }

            systems.Add(new SystemSettings(section.Key, adapter, interval, WebhookSettings.Read(section), section));
        }

        return systems;
    }
}

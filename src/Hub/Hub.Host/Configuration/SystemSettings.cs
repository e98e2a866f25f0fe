using System.Globalization;
using Hub.Abstractions.Adapters;

namespace Hub.Host.Configuration;

/// <summary>The host's view of one configured system (Hub:Systems:&lt;name&gt;): its adapter type, poll interval and webhook (null: off).</summary>
internal sealed record SystemSettings(string Name, string Adapter, TimeSpan PollInterval, WebhookSettings? Webhook, IConfigurationSection Section)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reads every configured system. A missing adapter, a bad interval or bad webhook settings stop the start: every
    /// one of every system is named by its key, in one <see cref="HubConfigurationException"/>.
    /// </summary>
    public static IReadOnlyList<SystemSettings> ReadAll(IConfiguration configuration)
    {
        var systems = new List<SystemSettings>();
        var problems = new List<string>();
        foreach (var section in configuration.GetSection("Hub:Systems").GetChildren())
        {
            var adapter = section["Adapter"];
            if (string.IsNullOrWhiteSpace(adapter))
            {
                problems.Add(SettingProblems.Format($"{section.Path}:Adapter", "is required: TopDesk, Dynamics, ServiceNow, Email or the type of an adapter plugin."));
            }

            var interval = DefaultPollInterval;
            if (section["PollInterval"] is { Length: > 0 } text
                && (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval) || interval <= TimeSpan.Zero))
            {
                problems.Add(SettingProblems.Format($"{section.Path}:PollInterval", $"'{text}' is not a positive time span; write it as hh:mm:ss, e.g. \"00:01:00\"."));
            }

            WebhookSettings? webhook = null;
            try
            {
                webhook = WebhookSettings.Read(section);
            }
            catch (HubConfigurationException refused)
            {
                problems.AddRange(refused.Problems);
            }

            systems.Add(new SystemSettings(section.Key, adapter ?? string.Empty, interval, webhook, section));
        }

        return problems.Count == 0 ? systems : throw new HubConfigurationException(problems);
    }
}

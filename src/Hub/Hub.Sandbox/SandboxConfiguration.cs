namespace Hub.Sandbox;

/// <summary>
/// The configuration file a real site would write, pointed at the simulators (passwords are the simulators' own), the
/// correlation log in the sandbox's folder, the chain's shipped mapping folder, and the auditor API on a loopback port
/// with one key. Each system's own settings (and files, such as a trusted certificate) come from the chain's simulators.
/// </summary>
internal static class SandboxConfiguration
{
    public static string Write(SandboxWorld world, string mappingsDirectory, Uri apiUrl, string apiKeyHash)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:LuckyPennySoftware"] = "Error",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Hub:Database:Provider"] = "Sqlite",
            ["Hub:Database:ConnectionString"] = $"Data Source={world.DatabaseFile}",
            ["Hub:MappingsPath"] = mappingsDirectory,
            ["Hub:Api:Urls"] = apiUrl.GetLeftPart(UriPartial.Authority),
            ["Hub:Api:ApiKeyHashes:0"] = apiKeyHash,
            ["Hub:Sync:RetryDelay"] = "00:00:01",
            ["Hub:Systems:servicedesk:PollInterval"] = "00:00:01",
            ["Hub:Systems:facility:PollInterval"] = "00:00:01",
            ["Hub:Systems:contractor:Adapter"] = "Email",
            ["Hub:Systems:contractor:PollInterval"] = "00:00:01",
            ["Hub:Systems:contractor:Transport"] = "Directory",
            ["Hub:Systems:contractor:From"] = "hub@facility.example",
            ["Hub:Systems:contractor:ReplyTo"] = "hub@facility.example",
            ["Hub:Systems:contractor:Directory:Outbox"] = world.MailFolder("outbox"),
            ["Hub:Systems:contractor:Directory:Inbox"] = world.MailFolder("inbox"),
            ["Hub:Systems:contractor:Directory:Processed"] = world.MailFolder("processed"),
            ["Hub:Systems:contractor:Directory:Quarantine"] = world.MailFolder("quarantine"),
        };
        foreach (var (key, value) in world.ServiceDesk.SettingsFor("servicedesk", world.Folder).Concat(world.Facility.SettingsFor("facility", world.Folder)))
        {
            settings[key] = value;
        }

        var file = Path.Combine(world.Folder, "appsettings.json");
        File.WriteAllText(file, ConfigurationJson.From(settings));
        return file;
    }
}

using Hub.Abstractions.Adapters;
using Hub.Engine.Journal;

namespace Hub.Host.Audit;

/// <summary>
/// Reads the journal keys named by <c>Hub:Audit:JournalKeyFile</c> and <c>Hub:Audit:RetiredJournalKeyFiles</c>. Each file
/// holds one key in base64 (<c>openssl rand -base64 32</c>). A missing, unreadable or short key stops the start with a
/// message naming the setting and the file, never the key's content.
/// </summary>
internal static class JournalKeyFiles
{
    public static JournalKeyRing Load(AuditOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.JournalKeyFile))
        {
            return options.RetiredJournalKeyFiles.Count == 0
                ? JournalKeyRing.None
                : throw new HubConfigurationException($"{AuditOptions.Section}:RetiredJournalKeyFiles",
                    $"retired keys only verify what they signed; set {AuditOptions.Section}:JournalKeyFile to the key the hub signs with now.");
        }

        var signing = Read($"{AuditOptions.Section}:JournalKeyFile", options.JournalKeyFile, baseDirectory);
        var retired = options.RetiredJournalKeyFiles
            .Select((file, i) => Read($"{AuditOptions.Section}:RetiredJournalKeyFiles:{i}", file, baseDirectory))
            .ToList();
        return new JournalKeyRing(signing, retired);
    }

    private static JournalKey Read(string setting, string file, string baseDirectory) =>
        new(KeyFiles.Read(setting, file, baseDirectory, JournalKey.MinimumBytes, "a journal key"));
}

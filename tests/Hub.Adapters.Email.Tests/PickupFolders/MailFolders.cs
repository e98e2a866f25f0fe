using Hub.Adapters.Email.Tests.Support;
using MimeKit;

namespace Hub.Adapters.Email.Tests.PickupFolders;

/// <summary>The four folders of the directory transport under a temporary directory, and the system configured for them.</summary>
internal sealed class MailFolders : IDisposable
{
    public MailFolders(TimeProvider? time = null)
    {
        foreach (var folder in new[] { Outbox, Inbox, Processed, Quarantine })
        {
            Directory.CreateDirectory(folder);
        }

        System = new EmailSystem { Time = time ?? TimeProvider.System }
            .Set("From", "hub@facility.example")
            .Set("Transport", "Directory")
            .Set("Directory:Outbox", Outbox)
            .Set("Directory:Inbox", Inbox)
            .Set("Directory:Processed", Processed)
            .Set("Directory:Quarantine", Quarantine);
        System.Contractors.Add(Samples.Plumber("planning@devries.example", "@devries.example"));
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "hub-mailfolders-" + Guid.NewGuid().ToString("N")[..8]);
    public string Outbox => Path.Combine(Root, "outbox");
    public string Inbox => Path.Combine(Root, "inbox");
    public string Processed => Path.Combine(Root, "processed");
    public string Quarantine => Path.Combine(Root, "quarantine");
    public EmailSystem System { get; }

    public static IReadOnlyList<MimeMessage> Read(string folder) =>
        [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    public MimeMessage WorkOrder(string token) =>
        Read(Outbox).Single(m => m.Headers["X-Hub-Work-Order"] == token && m.Headers["X-Hub-Mail-Kind"] == "work-order");

    public async Task DropInInboxAsync(MimeMessage reply, string? name = null)
    {
        var path = Path.Combine(Inbox, name ?? Guid.NewGuid().ToString("N") + ".eml");
        await reply.WriteToAsync(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

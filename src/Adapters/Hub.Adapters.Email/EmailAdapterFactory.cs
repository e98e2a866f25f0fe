using System.Runtime.CompilerServices;
using Hub.Adapters.Email.Ignored;
using Hub.Adapters.Email.Inbound;
using Hub.Adapters.Email.Options;
using Hub.Adapters.Email.Transport;
using Hub.Adapters.Email.WorkOrders;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using MimeKit;

namespace Hub.Adapters.Email;

/// <summary>Makes the adapter for each system configured with <c>Adapter = Email</c>, from its validated options.</summary>
internal sealed class EmailAdapterFactory : IAdapterFactory
{
    public const string Type = "Email";

    public string AdapterType => Type;

    public ISystemAdapter Create(SystemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.OptionsOf<EmailOptions>();
        var state = context.Services.GetService<IAdapterStateStore>()
                    ?? throw new HubConfigurationException(context.Configuration.Path,
                        "the e-mail adapter keeps its work orders in the hub's adapter state, but no IAdapterStateStore is registered.");
        var reader = context.Services.GetService<IContractorReplyReader>()
                     ?? throw new HubConfigurationException(context.Configuration.Path,
                         "the e-mail adapter needs an IContractorReplyReader registered to read contractors' replies.");
        var from = MailboxAddress.Parse(options.From);
        var replyTo = string.IsNullOrWhiteSpace(options.ReplyTo) ? from : MailboxAddress.Parse(options.ReplyTo);
        IMailTransport transport = options.Transport == MailTransportKind.Directory
            ? new DirectoryTransport(context.SystemName, options.Directory, context.Time)
            : MailServer(context, options);
        var store = new WorkOrderStore(state, context.SystemName);
        var mapper = AdapterMapper.CreateConfiguration<WorkOrderProfile>(context).CreateMapper();
        var outbox = new WorkOrderOutbox(context.SystemName, store, new WorkOrderMail(from, replyTo, context.Time), transport, context.Mappings, mapper, context.Time,
            context.LoggerFactory.CreateLogger<WorkOrderOutbox>());
        var reporter = new IgnoredMailReporter(context.Services.GetService<IIgnoredRecordJournal>(), context.LoggerFactory.CreateLogger<EmailAdapter>());
        var authentication = new SenderAuthentication(options.SenderAuthentication);
        if (!authentication.IsRequired)
        {
            context.LoggerFactory.CreateLogger<SenderAuthentication>().LogWarning(
                "{System}: replies are believed on their From header alone, which anyone who saw one work order can forge. " +
                "Set {Key} to Dmarc (and {AuthServIdKey}) when the mailbox's server stamps Authentication-Results",
                context.SystemName, context.KeyOf("SenderAuthentication:Require"), context.KeyOf("SenderAuthentication:AuthServId"));
        }

        var intake = new ReplyIntake(context.SystemName, options.MaxMessageBytes, new WorkOrderMatcher(store, context.SystemName), authentication, reader, context.Mappings, reporter, context.Time, context.TextZone);
        return new EmailAdapter(context.SystemName, options.BatchSize, transport, store, outbox, intake);
    }

    /// <summary>
    /// The transport through a mail server, in a method of its own and never inlined: compiling it loads MSAL (the
    /// OAuth sign-in's token client, 2.3 MB of image), which a system on pickup folders has no use for
    /// (docs/performance/load-less-2.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MailServerTransport MailServer(SystemContext context, EmailOptions options) =>
        new MailServerTransport(context.SystemName, options, new MailSignIn(options, context.Services.GetService<IMsalHttpClientFactory>()), context.Time, context.Configuration.Path);
}

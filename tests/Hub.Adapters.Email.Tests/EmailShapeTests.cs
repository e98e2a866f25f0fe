using Hub.Adapters.Compliance;
using Hub.Adapters.Email.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Email.Tests;

/// <summary>The shape every adapter has (one registration, named options validated on start, a small public surface), for the contractor mailbox.</summary>
public sealed class EmailShapeTests : AdapterShapeTests
{
    protected override string AdapterType => "Email";

    protected override IReadOnlyDictionary<string, string?> ValidSettings => new Dictionary<string, string?>
    {
        ["From"] = "hub@facility.example",
        ["Smtp:Host"] = "smtp.facility.example",
        ["Smtp:Username"] = "hub@facility.example",
        ["Smtp:Password"] = "smtp-secret-1",
        ["Imap:Host"] = "imap.facility.example",
        ["Imap:Username"] = "hub@facility.example",
        ["Imap:Password"] = "imap-secret-2",
    };

    protected override IReadOnlyDictionary<string, string?> WrongSettings => new Dictionary<string, string?>
    {
        ["From"] = "not an address",
        ["Smtp:Port"] = "0",
        ["Imap:Password"] = "",
        ["Smtp:Security"] = "Tls13Please",
    };

    /// <summary>The options class is made of smaller settings groups and choices, which are public with it.</summary>
    protected override IReadOnlyCollection<Type> PublicTypes =>
    [
        typeof(EmailServiceCollectionExtensions), typeof(EmailOptions),
        typeof(MailServerOptions), typeof(OAuth2Options), typeof(DirectoryTransportOptions), typeof(SenderAuthenticationOptions),
        typeof(MailTransportKind), typeof(MailAuthMode), typeof(MailSecurity), typeof(SenderAuthenticationRequirement),
    ];

    protected override IServiceCollection Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddEmailAdapter(configuration);
}

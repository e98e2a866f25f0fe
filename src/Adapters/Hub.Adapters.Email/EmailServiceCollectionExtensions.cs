using Hub.Core.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Adapters.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the contractor e-mail adapter (<c>Hub:Systems:&lt;name&gt;:Adapter = Email</c>). The host also
    /// registers an <see cref="IAdapterStateStore"/> and an <see cref="IContractorReplyReader"/>; an
    /// <see cref="Ignored.IIgnoredMailJournal"/> is optional.
    /// </summary>
    public static IServiceCollection AddEmailAdapter(this IServiceCollection services) =>
        services.AddAdapterFactory<EmailAdapterFactory>();
}

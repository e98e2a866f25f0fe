using Hub.Adapters.Email.Replies;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the contractor e-mail adapter (<c>Hub:Systems:&lt;name&gt;:Adapter = Email</c>) and its reply reader,
    /// which reads with the phrases of the mapping in force. The host also registers an <see cref="IAdapterStateStore"/>;
    /// an <see cref="Ignored.IIgnoredMailJournal"/> is optional.
    /// </summary>
    public static IServiceCollection AddEmailAdapter(this IServiceCollection services)
    {
        services.TryAddSingleton<IContractorReplyReader, MappedContractorReplyReader>();
        return services.AddAdapterFactory<EmailAdapterFactory>();
    }
}

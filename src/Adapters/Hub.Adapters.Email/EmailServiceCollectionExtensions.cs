using Hub.Adapters.Email.Options;
using Hub.Adapters.Email.Replies;
using Hub.Abstractions.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Adapters.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The value of a system's Adapter key that names this adapter; a constant, so the host can ask for it without loading this assembly.</summary>
    public const string AdapterType = EmailAdapterFactory.Type;

    /// <summary>
    /// Makes systems with <c>Hub:Systems:&lt;name&gt;:Adapter = Email</c> available to the hub: the adapter's factory, each
    /// such system's <see cref="EmailOptions"/> bound from its section and validated on start, and the reply reader,
    /// which reads with the phrases of the mapping in force. The host also registers an <see cref="IAdapterStateStore"/>;
    /// an <see cref="IIgnoredRecordJournal"/> is optional.
    /// </summary>
    public static IServiceCollection AddEmailAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IContractorReplyReader, MappedContractorReplyReader>();
        return services.AddSystemAdapter<EmailAdapterFactory, EmailOptions, EmailOptionsValidator>(configuration, EmailAdapterFactory.Type);
    }
}

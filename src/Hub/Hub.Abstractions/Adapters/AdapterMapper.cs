using AutoMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Builds an adapter's AutoMapper configuration from its own profile, with the licence key from
/// <c>Hub:AutoMapper:LicenseKey</c> (AutoMapper 15+ is commercially licensed; without a key it runs and logs a notice).
/// A profile may take the system's options (a default it writes, a column it reads), so it is passed made.
/// </summary>
public static class AdapterMapper
{
    public const string LicenseKeySetting = "Hub:AutoMapper:LicenseKey";

    /// <summary>For a profile that needs nothing of the system's options.</summary>
    public static MapperConfiguration CreateConfiguration<TProfile>(SystemContext context)
        where TProfile : Profile, new() => CreateConfiguration(context, new TProfile());

    public static MapperConfiguration CreateConfiguration<TProfile>(string? licenseKey, ILoggerFactory loggerFactory)
        where TProfile : Profile, new() => CreateConfiguration(licenseKey, loggerFactory, new TProfile());

    public static MapperConfiguration CreateConfiguration(SystemContext context, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var licenseKey = context.Services.GetService<IConfiguration>()?[LicenseKeySetting];
        return CreateConfiguration(licenseKey, context.LoggerFactory, profile);
    }

    public static MapperConfiguration CreateConfiguration(string? licenseKey, ILoggerFactory loggerFactory, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new MapperConfiguration(cfg =>
        {
            if (!string.IsNullOrWhiteSpace(licenseKey))
            {
                cfg.LicenseKey = licenseKey;
            }

            cfg.AddProfile(profile);
        }, loggerFactory);
    }
}

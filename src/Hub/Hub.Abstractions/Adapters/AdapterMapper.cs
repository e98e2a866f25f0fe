using AutoMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Abstractions.Adapters;

/// <summary>
/// Builds an adapter's AutoMapper configuration from its own profile, with the licence key from
/// <c>Hub:AutoMapper:LicenseKey</c> (AutoMapper 15+ is commercially licensed; without a key it runs and logs a notice).
/// </summary>
public static class AdapterMapper
{
    public const string LicenseKeySetting = "Hub:AutoMapper:LicenseKey";

    public static MapperConfiguration CreateConfiguration<TProfile>(SystemContext context)
        where TProfile : Profile, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        var licenseKey = context.Services.GetService<IConfiguration>()?[LicenseKeySetting];
        return CreateConfiguration<TProfile>(licenseKey, context.LoggerFactory);
    }

    public static MapperConfiguration CreateConfiguration<TProfile>(string? licenseKey, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
        where TProfile : Profile, new()
    {
        return new MapperConfiguration(cfg =>
        {
            if (!string.IsNullOrWhiteSpace(licenseKey))
            {
                cfg.LicenseKey = licenseKey;
            }

            cfg.AddProfile<TProfile>();
        }, loggerFactory);
    }
}

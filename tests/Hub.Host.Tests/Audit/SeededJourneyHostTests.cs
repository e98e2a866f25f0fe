using Hub.Abstractions.Mapping;
using Hub.Engine.Mapping;
using Hub.Host.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Host.Tests.Audit;

/// <summary>
/// Tests against a running hub web host over a temp database holding the <see cref="JourneyChain"/> complaint (up to
/// its visit being scheduled), with the shipped mappings and a clock an hour after the visit was set.
/// </summary>
public abstract class SeededJourneyHostTests : IAsyncLifetime
{
    public const string LinkKeyFile = "reporter-link.key";

    public static readonly DateTimeOffset Now = JourneyChain.ScheduledAt.AddHours(1);

    private static readonly MappingSet Shipped = MappingLoader.Load(Path.Combine(HubProcess.RepositoryRoot(), "mappings")).Mappings
        ?? throw new InvalidOperationException("the shipped mappings do not load");

    internal SqliteTestDatabase Temp { get; private set; } = null!;

    internal AuditWebHost Host { get; private set; } = null!;

    internal FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>The host's settings besides the API keys; reporter links on with a key file in the temp folder by default.</summary>
    internal virtual Dictionary<string, string?> Settings => new()
    {
        ["Hub:Api:ApiKeyHashes:0"] = ApiKeyHash.Of(AuditWebHost.ApiKey),
        ["Hub:Api:ReporterLinks:Enabled"] = "true",
        ["Hub:Api:ReporterLinks:KeyFile"] = LinkKeyFile,
    };

    public virtual async Task InitializeAsync()
    {
        Temp = await SqliteTestDatabase.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(Temp.Directory, LinkKeyFile), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await JourneyChain.SeedAsync(Temp.Database, JourneyStage.Scheduled);
        Host = await AuditWebHost.StartAsync(Temp.Database, Temp.Directory, Settings, Clock,
            services => services.AddSingleton<IMappingProvider>(new StaticMappingProvider(Shipped)));
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Temp.DisposeAsync();
    }

    /// <summary>The folder screenshots go to: screenshots/ in the test project's output folder.</summary>
    internal static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");
}

using Hub.Abstractions.Mapping;
using Hub.Engine.Sync;

namespace Hub.Host.Jobs;

/// <summary>After a good mapping reload, tries the parked changes again; also once at start.</summary>
internal sealed class ParkedChangesOnReload(IMappingProvider mappings, ChangeIntake intake, ILogger<ParkedChangesOnReload> logger) : BackgroundService
{
    private readonly SemaphoreSlim reloaded = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        mappings.Reloaded += OnReloaded;
        try
        {
            do
            {
                try
                {
                    await intake.ReleaseParkedAsync(stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    logger.LogError(failure, "Releasing parked changes failed; will try at the next mapping reload");
                }

                await reloaded.WaitAsync(stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            mappings.Reloaded -= OnReloaded;
        }
    }

    private void OnReloaded(object? sender, MappingSet e) => reloaded.Release();

    public override void Dispose()
    {
        reloaded.Dispose();
        base.Dispose();
    }
}

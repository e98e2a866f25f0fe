namespace Hub.Engine.Tests.Sync;

/// <summary>Tests that each start the engine afresh (<see cref="SyncRig"/>) over a new database from their provider.</summary>
public abstract class SyncRigTests(IDatabaseSource databases) : IAsyncLifetime
{
    private protected SyncRig rig = null!;

    public async Task InitializeAsync() => rig = await SyncRig.StartAsync(databases);

    public async Task DisposeAsync() => await rig.DisposeAsync();
}

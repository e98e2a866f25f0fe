namespace Hub.Engine.Tests.Sync;

/// <summary>Tests that each start the engine afresh (<see cref="SyncRig"/>) over a new database from their provider.</summary>
public abstract class SyncRigTests(IDatabaseSource databases) : IAsyncLifetime
{
    private protected SyncRig rig = null!;

    /// <summary>Whether the rig has the shipped milestone sentences (<see cref="SyncRig.StartAsync"/>).</summary>
    private protected virtual bool WithMilestones => false;

    public async Task InitializeAsync() => rig = await SyncRig.StartAsync(databases, WithMilestones);

    public async Task DisposeAsync() => await rig.DisposeAsync();
}

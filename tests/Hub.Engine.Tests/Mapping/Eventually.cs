namespace Hub.Engine.Tests.Mapping;

/// <summary>Waits for a condition by polling it until a deadline, instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (deadline ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                Assert.Fail($"Gave up waiting: {what}.");
            }

            await Task.Delay(50);
        }
    }
}

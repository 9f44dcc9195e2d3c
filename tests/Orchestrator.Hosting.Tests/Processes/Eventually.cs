namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>Waits for a condition with a timeout: integration tests never sleep a fixed time.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}

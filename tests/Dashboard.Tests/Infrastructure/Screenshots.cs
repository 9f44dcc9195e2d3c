using Microsoft.Playwright;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Saves a page's screenshot as a test artifact: under DASHBOARD_TEST_ARTIFACTS, or TestResults/screenshots.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("DASHBOARD_TEST_ARTIFACTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(DemoSystem.RepositoryRoot, "tests", "Dashboard.Tests", "TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }).ConfigureAwait(false);
        return path;
    }
}

using System.Diagnostics;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests;

/// <summary>
/// The dashboard in headless Chromium against the real demo system (PostgreSQL, Redis, catalog with two
/// replicas, basket, worker, storefront and the dashboard itself), started once for the class.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardBrowserTests(DemoSystem demo) : IClassFixture<DemoSystem>
{
    private static readonly string[] DemoResources = ["postgres", "catalogdb", "cache", "catalog", "basket", "worker", "storefront", "dashboard"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Login_with_the_token_opens_the_dashboard_and_every_page_is_refused_without_it()
    {
        var context = await demo.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/resources/catalog", "/logs/catalog", "/graph", "/healing", "/status", "/index.html" })
        {
            var refused = await page.GotoAsync(path);
            Assert.Equal(401, refused!.Status);
            Assert.Contains("Token required", await page.ContentAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/api/v1/resources", "/api/v1/status", "/api/v1/resources/catalog/logs", "/api/v1/stream" })
        {
            var response = await context.APIRequest.GetAsync(path);
            Assert.Equal(401, response.Status);
        }

        var post = await context.APIRequest.PostAsync("/api/v1/resources/basket/restart", new() { Headers = new Dictionary<string, string> { ["X-Dashboard-Request"] = "1" } });
        Assert.Equal(401, post.Status);
        var wrongToken = await page.GotoAsync("/login?t=not-the-token");
        Assert.Equal(401, wrongToken!.Status);
        Assert.Empty(await context.CookiesAsync());

        await page.GotoAsync(demo.LoginUrl);
        Assert.Equal(demo.DashboardUrl + "/", page.Url);
        await Expect(page.GetByTestId("resources-table")).ToBeVisibleAsync();
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(cookie.Value, demo.LoginUrl, StringComparison.Ordinal);
        Assert.Equal(200, (await context.APIRequest.GetAsync("/api/v1/resources")).Status);
        await Screenshots.SaveAsync(page, "login");
    }

    [Fact]
    public async Task Resources_page_lists_every_demo_resource_as_running_and_healthy()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;

        foreach (var name in DemoResources)
        {
            var row = page.GetByTestId($"resource-{name}");
            await Expect(row).ToHaveAttributeAsync("data-state", "Running", new() { Timeout = (float)Patience.TotalMilliseconds });
            await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = (float)Patience.TotalMilliseconds });
        }

        await Expect(page.GetByTestId("replica-catalog-0")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("replica-catalog-1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-status", "open");
        await Screenshots.SaveAsync(page, "resources");

        await page.GetByTestId("resource-filter").FillAsync("catalog");
        await Expect(page.Locator("tr.resource-row")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_killed_replica_falls_and_recovers_on_the_page_without_a_reload()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;
        var row = page.GetByTestId("replica-catalog-1");
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = (float)Patience.TotalMilliseconds });

        // Every state the row shows is recorded in the page, and a marker proves the page is never reloaded.
        await page.EvaluateAsync("""
            () => {
              window.__notReloaded = true;
              window.__states = [];
              const record = () => {
                const row = document.querySelector('[data-testid="replica-catalog-1"]');
                const seen = row ? row.dataset.state + '/' + row.dataset.health : 'gone';
                if (window.__states[window.__states.length - 1] !== seen) window.__states.push(seen);
              };
              record();
              new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, childList: true });
            }
            """);
        var pid = await ReplicaPidAsync(context, "catalog", "catalog-1");
        using (var victim = Process.GetProcessById(pid))
        {
            victim.Kill(); // SIGKILL
        }

        await page.WaitForFunctionAsync(
            "() => window.__states.some(s => !s.startsWith('Running/')) && window.__states[window.__states.length - 1] === 'Running/Healthy'",
            null, new() { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 100 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        var states = await page.EvaluateAsync<string[]>("() => window.__states");
        Assert.Contains(states, s => !s.StartsWith("Running/", StringComparison.Ordinal));
        Assert.NotEqual(pid, await ReplicaPidAsync(context, "catalog", "catalog-1"));
        await Screenshots.SaveAsync(page, "replica-recovered");
    }

    [Fact]
    public async Task The_restart_button_restarts_a_resource_and_the_restart_appears_in_the_healing_history()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;
        var row = page.GetByTestId("resource-basket");
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = (float)Patience.TotalMilliseconds });
        var pidBefore = await ReplicaPidAsync(context, "basket", "basket-0");

        await page.GetByTestId("restart-basket").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "restart-confirm");
        await page.GetByTestId("confirm-button").ClickAsync();
        await Expect(page.GetByTestId("notice-info").Filter(new() { HasText = "restart basket: accepted" })).ToBeVisibleAsync();

        await WaitUntilAsync(async () => await ReplicaPidAsync(context, "basket", "basket-0") is var pid && pid != 0 && pid != pidBefore);
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.GetByTestId("nav-healing").ClickAsync();
        var entry = page.Locator("[data-testid='healing-entry'][data-resource='basket']");
        await Expect(entry.First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(entry.First).ToHaveAttributeAsync("data-kind", new System.Text.RegularExpressions.Regex("Restart"));
        await Screenshots.SaveAsync(page, "healing-history");
    }

    [Fact]
    public async Task A_line_a_service_printed_appears_in_its_console_logs()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;
        await page.GotoAsync("/logs/catalog");

        var line = page.GetByTestId("log-line").Filter(new() { HasText = "Catalog database ready" });
        await Expect(line.First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.GetByTestId("logs-search").FillAsync("database ready");
        await Expect(page.GetByTestId("log-line").First).ToContainTextAsync("Catalog database ready");
        await Screenshots.SaveAsync(page, "console-logs");
    }

    [Fact]
    public async Task The_resource_detail_shows_health_checks_replicas_and_a_masked_environment()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;
        await page.GetByTestId("resource-catalog").GetByRole(AriaRole.Link, new() { Name = "catalog" }).ClickAsync();

        await Expect(page.GetByTestId("detail-replica-catalog-0")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("detail-replica-catalog-1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("health-chart")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync("Closed");
        var secrets = page.Locator("[data-testid='environment'] td.secret");
        await Expect(secrets.First).ToHaveTextAsync("••••••••");
        Assert.DoesNotContain("Password=", await page.GetByTestId("environment").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveAsync(page, "resource-detail");
    }

    [Fact]
    public async Task The_graph_shows_one_node_per_resource()
    {
        var (context, page) = await demo.LoggedInAsync();
        await using var _ = context;
        await page.GetByTestId("nav-graph").ClickAsync();
        await Expect(page.GetByTestId("graph")).ToBeVisibleAsync();

        var nodes = page.Locator("[data-testid^='graph-node-']");
        await Expect(nodes).ToHaveCountAsync(DemoResources.Length);
        foreach (var name in DemoResources)
        {
            await Expect(page.GetByTestId($"graph-node-{name}")).ToHaveCountAsync(1);
        }

        await Expect(page.GetByTestId("graph-node-storefront")).ToHaveAttributeAsync("data-state", "Running", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Screenshots.SaveAsync(page, "graph");
    }

    [Fact]
    public async Task The_light_theme_and_a_narrow_window_keep_the_resources_usable()
    {
        var (context, page) = await demo.LoggedInAsync(width: 420, height: 900);
        await using var _ = context;
        await page.GetByTestId("theme-toggle").ClickAsync();
        var theme = await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme");
        await page.GetByTestId("theme-toggle").ClickAsync();
        Assert.NotEqual(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        await Expect(page.GetByTestId("resource-catalog")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.GetByTestId("nav-status").ClickAsync();
        await Expect(page.GetByTestId("overall-status")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Screenshots.SaveAsync(page, "status-narrow");
    }

    [Fact]
    public async Task A_hostile_event_shows_an_error_as_text_and_a_lost_stream_reconnects()
    {
        var context = await demo.NewContextAsync();
        await using var owned = context;
        var page = await context.NewPageAsync();
        // Every stream the page opens goes through the test, which passes the real frames on and can add its own.
        var routes = new System.Collections.Concurrent.ConcurrentQueue<IWebSocketRoute>();
        var orchestratorUp = new System.Runtime.CompilerServices.StrongBox<bool>(true);
        await page.RouteWebSocketAsync("**/api/v1/stream", ws =>
        {
            routes.Enqueue(ws);
            if (Volatile.Read(ref orchestratorUp.Value))
            {
                ws.ConnectToServer();
            }
            else
            {
                _ = ws.CloseAsync(new() { Code = 1011, Reason = "orchestrator down" });
            }
        });
        await page.GotoAsync(demo.LoginUrl);
        await Expect(page.GetByTestId("replica-catalog-0")).ToHaveAttributeAsync("data-state", "Running", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.True(routes.TryPeek(out var route));

        route.Send("{\"type\":\"resource.state\",\"resource\":\"catalog\",\"replica\":\"catalog-0\",\"state\":\"<img src=x onerror=\\\"window.__injected=1\\\">\"}");
        route.Send("{ this is not json");
        route.Send("{\"type\":\"snapshot\",\"resources\":\"nope\"}");

        await Expect(page.GetByTestId("notice-error").Filter(new() { HasText = "malformed" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("notice-error").Filter(new() { HasText = "snapshot without resources" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("replica-catalog-0")).ToContainTextAsync("<img src=x");
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === 1"));
        await Expect(page.GetByTestId("resources-table")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "hostile-event");

        // The stream drops and stays down a while, as when the orchestrator restarts: the page says so, then
        // reconnects by itself once it is back.
        Volatile.Write(ref orchestratorUp.Value, false);
        await route.CloseAsync(new() { Code = 1001, Reason = "going away" });
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-status", "reconnecting");
        await Expect(page.GetByTestId("reconnecting")).ToBeVisibleAsync();
        await WaitUntilAsync(() => Task.FromResult(routes.Count >= 3));
        await Screenshots.SaveAsync(page, "reconnecting");
        Volatile.Write(ref orchestratorUp.Value, true);
        await Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-status", "open", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.True(routes.Count >= 4);
        // The new connection's snapshot replaces what the hostile event left.
        await Expect(page.GetByTestId("replica-catalog-0")).ToHaveAttributeAsync("data-state", "Running");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<int> ReplicaPidAsync(IBrowserContext context, string resource, string replica)
    {
        // Through the dashboard's own proxy, with the browser's session cookie: the test needs no API key.
        var response = await context.APIRequest.GetAsync($"/api/v1/resources/{resource}");
        Assert.Equal(200, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        foreach (var r in body.RootElement.GetProperty("replicas").EnumerateArray())
        {
            if (r.GetProperty("name").GetString() == replica)
            {
                return r.TryGetProperty("pid", out var pid) ? pid.GetInt32() : 0;
            }
        }

        return 0;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(200);
        }
    }
}

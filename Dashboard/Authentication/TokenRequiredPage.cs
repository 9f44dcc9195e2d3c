namespace Dashboard.Authentication;

/// <summary>What a browser without a session sees: a plain page that says where the login URL is.</summary>
internal static class TokenRequiredPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Token required - Orchestrator dashboard</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#1b1f24}code{background:#eef0f3;padding:1px 4px;border-radius:4px}</style>
        </head><body>
        <h1>Token required</h1>
        <p>The dashboard only opens from the login URL that the AppHost prints when it starts:</p>
        <p><code>Dashboard: http://127.0.0.1:PORT/login?t=...</code></p>
        <p>Open that URL in this browser; it sets a session cookie and brings you here.</p>
        </body></html>
        """;
}

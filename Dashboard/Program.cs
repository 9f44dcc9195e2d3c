// The dashboard is a client of the orchestrator's HTTP API only; the Dashboard issue builds it.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok("ok"));
app.MapGet("/", () => Results.Text("The dashboard is not built yet: use the orchestrator API.", "text/plain"));
app.Run();

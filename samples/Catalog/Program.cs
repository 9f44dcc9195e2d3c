using Catalog.Data;
using Catalog.Orders;
using Catalog.Products;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Telemetry;
using Samples.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalogDatabase();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CatalogDatabaseInitializer>();
builder.Services.AddSingleton<ProductStore>();
builder.Services.AddSingleton<OrderStore>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProductEndpoints();
app.MapOrderEndpoints();
// Which replica answered: the balancing demo calls this through the storefront.
app.MapGet("/api/whoami", (ServiceIdentity identity) =>
    new { service = identity.ServiceName, instance = identity.InstanceId, pid = identity.ProcessId });

await app.Services.GetRequiredService<CatalogDatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

using Orchestrator.Api;
using Orchestrator.Hosting;

// The demo system: a catalog (two replicas) over PostgreSQL, baskets in Redis, a worker that processes
// orders, and a storefront that reaches catalog and basket through the endpoints injected here.
var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator();

var postgres = builder.AddPostgres("postgres");
var catalogDb = postgres.AddDatabase("catalogdb");
var cache = builder.AddRedis("cache");

var catalog = builder.AddProject("catalog", "../samples/Catalog/Catalog.csproj")
    .WithReference(catalogDb)
    .WaitFor(catalogDb)
    .WithReplicas(2)
    .WithHttpHealthCheck("/health");

var basket = builder.AddProject("basket", "../samples/Basket/Basket.csproj")
    .WithReference(cache)
    .WaitFor(cache)
    .WithHttpHealthCheck("/health");

builder.AddProject("worker", "../samples/Worker/Worker.csproj")
    .WithReference(catalogDb)
    .WaitFor(catalogDb)
    .WaitFor(catalog)
    .WithHttpHealthCheck("/health");

builder.AddProject("storefront", "../samples/Storefront/Storefront.csproj")
    .WithReference(catalog)
    .WithReference(basket)
    .WaitFor(catalog)
    .WaitFor(basket)
    .WithHttpHealthCheck("/health");

builder.AddDashboard();

builder.Build().Run();

using Basket.Baskets;
using Basket.Cache;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// The AppHost's WithReference(cache) injects ConnectionStrings__cache as host:port,password=...
const string ConnectionName = "cache";
var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
if (string.IsNullOrWhiteSpace(connectionString))
{
    throw new InvalidOperationException(
        $"ConnectionStrings:{ConnectionName} is not set. Run the service from the AppHost (it passes Redis with " +
        $"WithReference(cache)) or set the variable ConnectionStrings__{ConnectionName}.");
}

builder.Services.AddSingleton(sp => new RedisConnection(connectionString, sp.GetRequiredService<ILogger<RedisConnection>>()));
builder.Services.AddSingleton<BasketStore>();
builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(ConnectionName);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBasketEndpoints();
await app.RunAsync();

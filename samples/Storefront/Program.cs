using Storefront.Clients;
using Storefront.Views;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// Logical addresses: AddServiceDefaults resolves them to the replicas the orchestrator injects (services__catalog__http__0..).
var callTimeout = TimeSpan.FromSeconds(10);
builder.Services.AddHttpClient<CatalogClient>(http => (http.BaseAddress, http.Timeout) = (CatalogClient.BaseAddress, callTimeout));
builder.Services.AddHttpClient<BasketClient>(http => (http.BaseAddress, http.Timeout) = (BasketClient.BaseAddress, callTimeout));
builder.Services.AddTransient<StorefrontViewBuilder>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStorefrontEndpoints();
await app.RunAsync();

using Microsoft.Extensions.DependencyInjection.Extensions;
using Samples.Shared;
using Worker.Orders;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalogDatabase();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.Configure<OrderProcessingOptions>(builder.Configuration.GetSection(OrderProcessingOptions.SectionName));
builder.Services.AddSingleton<PendingOrderQueue>();
builder.Services.AddHostedService<OrderProcessor>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Samples.Shared;

/// <summary>Connects a service to the catalog database: one pooled data source and a health check that queries it.</summary>
internal static class CatalogDatabaseExtensions
{
    /// <summary>The connection's name: the AppHost's <c>WithReference(catalogDb)</c> injects <c>ConnectionStrings__catalogdb</c>.</summary>
    public const string ConnectionName = "catalogdb";

    public static IHostApplicationBuilder AddCatalogDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not set. Run the service from the AppHost (it passes the database with " +
                $"WithReference(catalogDb)) or set the variable ConnectionStrings__{ConnectionName}.");
        }

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>(ConnectionName);
        return builder;
    }
}

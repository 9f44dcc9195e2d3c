using Npgsql;

namespace Catalog.Data;

/// <summary>
/// Answers 503 instead of 500 when the database cannot be reached: the service is fine, its dependency is
/// not, and a caller (or a balancer) should try again rather than report a bug.
/// </summary>
public static class DatabaseUnavailableFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (NpgsqlException exception) when (exception.IsTransient || exception.InnerException is System.Net.Sockets.SocketException)
        {
            return TypedResults.Problem(
                title: "The catalog database is unavailable.", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

namespace Orchestrator.Api.CommandLine;

/// <summary>The AppHost command line's exit codes, which scripts can rely on.</summary>
public static class CliExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The thing asked about is unhealthy or invalid: <c>status</c> is not Healthy, <c>validate</c> found problems.</summary>
    public const int Unhealthy = 1;

    /// <summary>The command line (or a value in it the API rejected with 400) is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The orchestrator's API did not answer (nothing listens, timeout, connection lost).</summary>
    public const int Unreachable = 3;

    /// <summary>The API refused the key (401 missing or unknown, 403 a viewer key for a command).</summary>
    public const int AuthRefused = 4;

    /// <summary>The resource does not exist (404).</summary>
    public const int NotFound = 5;

    /// <summary>The command makes no sense in the resource's state (409): stop a stopped one, release one not quarantined.</summary>
    public const int Conflict = 6;

    /// <summary>Any other failure of the server (5xx, 429, an answer that is not the expected JSON).</summary>
    public const int ServerError = 7;

    /// <summary>The exit code for an HTTP status the API answered with.</summary>
    public static int FromHttpStatus(int status) => status switch
    {
        >= 200 and < 300 => Ok,
        400 => Usage,
        401 or 403 => AuthRefused,
        404 => NotFound,
        409 => Conflict,
        _ => ServerError,
    };
}

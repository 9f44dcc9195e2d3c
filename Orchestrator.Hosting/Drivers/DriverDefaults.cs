namespace Orchestrator.Hosting.Drivers;

/// <summary>Every default number and name of the resource drivers, in one place.</summary>
public static class DriverDefaults
{
    /// <summary>How many of the last build or initdb output lines an error carries: 40.</summary>
    public const int ToolOutputTailLines = 40;

    /// <summary>How long PostgreSQL may take to stop after SIGINT (fast shutdown) before it is killed: 10 s.</summary>
    public static TimeSpan PostgresStopGracePeriod { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How long Redis may take to stop after SIGTERM (it writes its append-only file) before it is killed: 10 s.</summary>
    public static TimeSpan RedisStopGracePeriod { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The account PostgreSQL runs as when the AppHost runs as root (initdb and postgres refuse root).</summary>
    public const string PostgresUser = "postgres";

    /// <summary>The account Redis runs as when the AppHost runs as root and the account exists.</summary>
    public const string RedisUser = "redis";

    /// <summary>The build configuration projects are built with when the AppHost's own is unknown.</summary>
    public const string ProjectConfiguration = "Debug";
}

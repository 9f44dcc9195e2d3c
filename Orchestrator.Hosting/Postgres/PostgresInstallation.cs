namespace Orchestrator.Hosting.Postgres;

/// <summary>One installed PostgreSQL version: its <c>bin</c> directory and its version as Debian names it (<c>15</c>, <c>9.6</c>).</summary>
public sealed record PostgresInstallation(string BinDirectory, string Version)
{
    /// <summary>The server program.</summary>
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>The program that creates a data directory.</summary>
    public string InitDb => Path.Combine(BinDirectory, "initdb");
}

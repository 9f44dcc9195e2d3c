namespace Orchestrator.Api.Monitoring;

/// <summary>Reads the text of a /proc file, so that the samplers can be fed fixed text in tests.</summary>
public interface IProcFileReader
{
    /// <summary>The file's text, or null when it does not exist (a process that has gone, a kernel without the file).</summary>
    string? ReadText(string path);
}

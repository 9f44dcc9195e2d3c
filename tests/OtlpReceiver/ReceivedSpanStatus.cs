namespace OtlpTesting;

/// <summary>A span's status code, as OTLP numbers it.</summary>
public enum ReceivedSpanStatus
{
    /// <summary>Not set: the default, meaning no error was recorded.</summary>
    Unset = 0,

    /// <summary>Explicitly successful.</summary>
    Ok = 1,

    /// <summary>Failed.</summary>
    Error = 2,
}

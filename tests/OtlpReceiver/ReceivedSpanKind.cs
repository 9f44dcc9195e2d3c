namespace OtlpTesting;

/// <summary>A span's kind, as OTLP numbers it.</summary>
public enum ReceivedSpanKind
{
    /// <summary>Not given.</summary>
    Unspecified = 0,

    /// <summary>Work inside the process.</summary>
    Internal = 1,

    /// <summary>Handling an incoming request.</summary>
    Server = 2,

    /// <summary>Making an outgoing request.</summary>
    Client = 3,

    /// <summary>Sending a message.</summary>
    Producer = 4,

    /// <summary>Receiving a message.</summary>
    Consumer = 5,
}

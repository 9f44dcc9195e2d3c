namespace Orchestrator.Hosting.Redis;

/// <summary>The RESP2 reply types.</summary>
public enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Null,
}

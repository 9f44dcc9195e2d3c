namespace OtlpTesting;

/// <summary>How an export arrived: the two OTLP protocols the receiver serves.</summary>
public enum OtlpTransport
{
    /// <summary>OTLP/HTTP with a protobuf body (<c>http/protobuf</c>).</summary>
    HttpProtobuf,

    /// <summary>OTLP/gRPC over cleartext HTTP/2 (<c>grpc</c>).</summary>
    Grpc,
}

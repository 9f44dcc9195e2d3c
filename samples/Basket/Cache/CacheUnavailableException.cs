namespace Basket.Cache;

/// <summary>Redis could not be reached, timed out, or broke the connection; the endpoints answer 503.</summary>
public sealed class CacheUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

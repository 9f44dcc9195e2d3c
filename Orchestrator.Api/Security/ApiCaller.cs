namespace Orchestrator.Api.Security;

/// <summary>Who sent a request: the role of a valid key (null without one) and the key the rate limiter counts it under.</summary>
/// <param name="Role">The role, or null when no valid key came with the request.</param>
/// <param name="PresentedKey">True when some key came with the request (valid or not).</param>
/// <param name="Partition">The rate limiter's partition: the role for a valid key, the remote address otherwise.</param>
public sealed record ApiCaller(ApiRole? Role, bool PresentedKey, string Partition);

namespace Orchestrator.Api.Balancing;

/// <summary>The strategies' names on the wire (<c>?strategy=round-robin</c>).</summary>
public static class BalancingStrategyNames
{
    public const string PowerOfTwo = "power-of-two";
    public const string RoundRobin = "round-robin";
    public const string LeastConnections = "least-connections";
    public const string Weighted = "weighted";
    public const string IpHash = "ip-hash";

    /// <summary>Reads a strategy name (case-insensitive); null or empty is the default, <see cref="BalancingStrategy.PowerOfTwo"/>.</summary>
    public static bool TryParse(string? text, out BalancingStrategy strategy)
    {
        strategy = BalancingStrategy.PowerOfTwo;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        BalancingStrategy? parsed = text.ToLowerInvariant() switch
        {
            PowerOfTwo => BalancingStrategy.PowerOfTwo,
            RoundRobin => BalancingStrategy.RoundRobin,
            LeastConnections => BalancingStrategy.LeastConnections,
            Weighted => BalancingStrategy.Weighted,
            IpHash => BalancingStrategy.IpHash,
            _ => null,
        };
        strategy = parsed ?? BalancingStrategy.PowerOfTwo;
        return parsed is not null;
    }

    /// <summary>The wire name of <paramref name="strategy"/>.</summary>
    public static string ToName(BalancingStrategy strategy) => strategy switch
    {
        BalancingStrategy.PowerOfTwo => PowerOfTwo,
        BalancingStrategy.RoundRobin => RoundRobin,
        BalancingStrategy.LeastConnections => LeastConnections,
        BalancingStrategy.Weighted => Weighted,
        BalancingStrategy.IpHash => IpHash,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown balancing strategy."),
    };
}

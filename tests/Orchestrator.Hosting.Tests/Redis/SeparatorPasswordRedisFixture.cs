namespace Orchestrator.Hosting.Tests.Redis;

/// <summary>A real Redis server whose fixed password holds every character a connection string must quote.</summary>
public sealed class SeparatorPasswordRedisFixture() : RedisServerFixture(Secret)
{
    public const string Secret = "p,a=s\"s w,rd ";
}

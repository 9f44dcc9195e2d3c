using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Manifest;
using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting.Tests.Validation;

public sealed class RestartPolicyRuleTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Reports_every_fault_of_a_ladder_read_from_a_manifest()
    {
        var model = ManifestReader.Read("""
            {"version": 1, "resources": [{"name": "cache", "type": "redis", "restartPolicy": {
              "tiers": [{"action": "Quarantine", "delays": []}, {"action": "Graceful", "delays": []}],
              "minUptime": "-00:00:01"}}]}
            """);

        var problems = ModelValidator.Validate(model).Select(p => p.Message).ToList();

        Assert.Contains(problems, m => m.Contains("'cache' quarantines at tier 1 of 2", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.Contains("'cache' has a Graceful restart tier without delays", StringComparison.Ordinal));
        Assert.Contains(problems, m => m.Contains("'cache' has a negative MinUptime", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_the_default_ladder_and_a_custom_one()
    {
        _models.Project("catalog").WithRestartPolicy(configure: o => o.Tiers = [RestartTier.Immediate(TimeSpan.Zero), RestartTier.Quarantine()]);
        _models.Project("basket");

        Assert.Empty(ModelValidator.Validate(_models.Model));
    }
}

using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class ProcessGroupCommandTests
{
    [Fact]
    public void Execs_the_program_through_setpriv_with_a_parent_death_kill_and_nothing_that_stays()
    {
        var request = ProcessGroupCommand.Locate().CreateRequest(TestSpecs.Program("svc", "--port", "5000"), "/opt/svc", runAsUser: null);

        Assert.Equal("setpriv", Path.GetFileName(request.Path));
        Assert.Equal(request.Path, request.Arguments[0]);
        Assert.Equal(["--pdeathsig", "KILL", "--", "/opt/svc", "--port", "5000"], request.Arguments.Skip(1));
        Assert.Equal(Path.GetTempPath(), request.WorkingDirectory);
    }

    [Fact]
    public void Changes_user_in_the_same_setpriv()
    {
        var request = ProcessGroupCommand.Locate().CreateRequest(TestSpecs.Program("postgres"), "/usr/lib/postgresql/15/bin/postgres", runAsUser: "postgres");

        Assert.Equal(["--pdeathsig", "KILL", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"], request.Arguments.Skip(1).Take(6));
        Assert.Single(request.Arguments, a => Path.GetFileName(a) == "setpriv");
    }

    [Fact]
    public void Passes_the_AppHosts_environment_with_the_specs_variables_set_and_the_removed_ones_gone()
    {
        Environment.SetEnvironmentVariable("COMMAND_TEST_KEPT", "kept");
        Environment.SetEnvironmentVariable("COMMAND_TEST_SECRET", "hush");
        var spec = TestSpecs.Program("svc") with
        {
            Environment = new Dictionary<string, string> { ["COMMAND_TEST_SET"] = "a=b", ["COMMAND_TEST_KEPT"] = "overridden" },
            RemovedVariables = ["COMMAND_TEST_SECRET"],
        };

        var environment = ProcessGroupCommand.Locate().CreateRequest(spec, "/opt/svc", runAsUser: null).Environment;

        Assert.Contains("COMMAND_TEST_SET=a=b", environment);
        Assert.Contains("COMMAND_TEST_KEPT=overridden", environment);
        Assert.DoesNotContain(environment, v => v.StartsWith("COMMAND_TEST_SECRET=", StringComparison.Ordinal));
        Assert.Contains(environment, v => v.StartsWith("PATH=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BAD=NAME", "x")]
    [InlineData("", "x")]
    [InlineData("NUL_VALUE", "a\0b")]
    public void A_variable_that_cannot_be_passed_gives_an_exception_naming_the_replica(string name, string value)
    {
        var spec = TestSpecs.Program("svc") with { Environment = new Dictionary<string, string> { [name] = value } };

        var error = Assert.Throws<ProcessStartException>(() => ProcessGroupCommand.Locate().CreateRequest(spec, "/opt/svc", runAsUser: null));

        Assert.Contains("test-0", error.Message);
    }

    [Fact]
    public void An_argument_with_a_NUL_character_gives_an_exception_naming_the_replica()
    {
        var error = Assert.Throws<ProcessStartException>(
            () => ProcessGroupCommand.Locate().CreateRequest(TestSpecs.Program("svc", "a\0b"), "/opt/svc", runAsUser: null));

        Assert.Contains("test-0", error.Message);
    }
}

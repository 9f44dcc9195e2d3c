using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Tests.Processes;

public sealed class ProcessGroupCommandTests
{
    [Fact]
    public void Execs_the_program_through_setsid_and_setpriv_with_a_parent_death_kill_and_nothing_that_stays()
    {
        var info = ProcessGroupCommand.Locate().CreateStartInfo(TestSpecs.Program("svc", "--port", "5000"), "/opt/svc", runAsUser: null);

        Assert.Equal("setsid", Path.GetFileName(info.FileName));
        var arguments = info.ArgumentList.ToList();
        Assert.Equal("setpriv", Path.GetFileName(arguments[0]));
        Assert.Equal(["--pdeathsig", "KILL", "--"], arguments[1..4]);
        // Only when the AppHost itself ignores a stop signal does env restore the defaults first.
        var program = arguments.IndexOf("/opt/svc");
        Assert.True(program == 4 || (program == 6 && Path.GetFileName(arguments[4]) == "env"), string.Join(' ', arguments));
        Assert.Equal(["/opt/svc", "--port", "5000"], arguments[program..]);
        Assert.DoesNotContain(arguments, a => Path.GetFileName(a) is "bash" or "sh");
    }

    [Fact]
    public void Changes_user_in_the_same_setpriv()
    {
        var info = ProcessGroupCommand.Locate().CreateStartInfo(TestSpecs.Program("postgres"), "/usr/lib/postgresql/15/bin/postgres", runAsUser: "postgres");

        var arguments = info.ArgumentList.ToList();
        Assert.Equal(["--pdeathsig", "KILL", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"], arguments[1..7]);
        Assert.Single(arguments, a => Path.GetFileName(a) == "setpriv");
    }
}

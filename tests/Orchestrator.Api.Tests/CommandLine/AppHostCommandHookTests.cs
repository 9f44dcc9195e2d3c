using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.CommandLine;
using Orchestrator.Hosting;

namespace Orchestrator.Api.Tests.CommandLine;

/// <summary>The hook: an AppHost started with a subcommand runs it instead of launching, and its model is judged by the command.</summary>
public sealed class AppHostCommandHookTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("cli-hook-");

    [Theory]
    [InlineData(new[] { "status" }, true)]
    [InlineData(new[] { "logs", "x", "--follow" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "--Orchestrator:Api:Port", "9001" }, false)]
    [InlineData(new string[0], false)]
    public void Only_args_that_start_with_a_subcommand_replace_the_launch(string[] args, bool isCommand)
    {
        Assert.Equal(isCommand, OrchestratorCommandLine.IsCommand(args));
    }

    [Fact]
    public void A_subcommand_defers_validation_so_that_build_does_not_throw_for_an_invalid_model()
    {
        var builder = CreateBuilder(["validate"]);
        builder.AddExecutable("c", "no-such-program-anywhere", ".");

        using var app = builder.Build();

        Assert.NotNull(app.Services.GetService<IAppHostCommand>());
    }

    [Fact]
    public void Without_a_subcommand_build_still_throws_for_an_invalid_model()
    {
        var builder = CreateBuilder([]);
        builder.AddExecutable("c", "no-such-program-anywhere", ".");

        Assert.Throws<Orchestrator.Hosting.Validation.DistributedApplicationValidationException>(() => builder.Build());
    }

    [Fact]
    public async Task Run_runs_the_command_instead_of_launching_the_model()
    {
        var command = new RecordingCommand();
        var builder = CreateBuilder([]);
        // Launching this would fail: the program does not exist. The command runs instead.
        builder.AddExecutable("c", "no-such-program-anywhere", ".");
        builder.Services.AddSingleton<IAppHostCommand>(command);

        await using var app = builder.Build();
        await app.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(app, command.RanWith);
    }

    public void Dispose() => _state.Delete(recursive: true);

    private IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            AppHostDirectory = _state.FullName,
            StateDirectory = _state.FullName,
        }).AddOrchestrator();

    private sealed class RecordingCommand : IAppHostCommand
    {
        public DistributedApplication? RanWith { get; private set; }

        // Exit code 0: RunAsync sets the test process's own Environment.ExitCode.
        public Task<int> RunAsync(DistributedApplication application, CancellationToken cancellationToken)
        {
            RanWith = application;
            return Task.FromResult(0);
        }
    }
}

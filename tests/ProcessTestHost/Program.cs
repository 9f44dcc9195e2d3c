using System.Globalization;
using Orchestrator.Hosting.Processes;

// Usage: ProcessTestHost [count [program [args...]]]
//   Starts `count` replicas through ProcessGroupRunner (by default each a bash script with a grandchild);
//   prints one line "child {programPid} {processGroupId}" per replica, then "ready", then waits until it is
//   killed. The orphan test SIGKILLs this process and checks that every group is gone; the signal test
//   starts it with stop signals ignored and checks that the replicas do not inherit that.
// Usage: ProcessTestHost --exit program [args...]
//   Starts one replica, prints "exit {code}" once it has exited, and ends (the test of an AppHost started
//   with SIGCHLD ignored: the exit must still be seen).
var runner = new ProcessGroupRunner();
if (args is ["--exit", var exitProgram, .. var exitArguments])
{
    var handle = await runner.StartAsync(Spec("exit-0", exitProgram, exitArguments)).ConfigureAwait(false);
    var exit = await handle.Exited.ConfigureAwait(false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exit {exit.ExitCode}"));
    await runner.DisposeAsync().ConfigureAwait(false);
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var (program, arguments) = args.Length > 1 ? (args[1], args[2..]) : ("bash", new[] { "-c", "sleep 1000 & wait" });
for (var i = 0; i < count; i++)
{
    // Started from thread-pool continuations on purpose: the runner must fork on its own thread regardless.
    var handle = await runner.StartAsync(Spec($"orphan-{i}", program, arguments)).ConfigureAwait(false);
    Console.WriteLine($"child {handle.ProgramProcessId} {handle.ProcessId}");
}

Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite).ConfigureAwait(false);

static ProcessSpec Spec(string name, string program, string[] arguments) =>
    new(name, program, arguments, Directory.GetCurrentDirectory(), new Dictionary<string, string>());

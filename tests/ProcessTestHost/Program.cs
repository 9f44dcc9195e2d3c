using System.Globalization;
using Orchestrator.Hosting.Processes;

// Usage: ProcessTestHost [count]
// Starts `count` replicas, each a bash script with a grandchild, through ProcessGroupRunner; prints one line
// "child {programPid} {processGroupId}" per replica, then "ready", then waits until it is killed.
// The orphan test SIGKILLs this process and checks that every group is gone.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var runner = new ProcessGroupRunner();
for (var i = 0; i < count; i++)
{
    var spec = new ProcessSpec(
        $"orphan-{i}",
        "bash",
        ["-c", "sleep 1000 & wait"],
        Directory.GetCurrentDirectory(),
        new Dictionary<string, string>());

    // Started from thread-pool continuations on purpose: the runner must fork on its own thread regardless.
    var handle = await runner.StartAsync(spec).ConfigureAwait(false);
    Console.WriteLine($"child {handle.ProgramProcessId} {handle.ProcessId}");
}

Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite).ConfigureAwait(false);

#!/usr/bin/env python3
"""Launch and stop benchmark: the orchestrator side by side with supervisord and PM2 (and runit).

For each N, the same workload (the peers' tiny C service, `svc PORT`, answering GET /health) is
launched by each supervisor; the time is from the command to all N answering /health, measured by
the peers' own checker (`hc launch`). The orchestrator's time includes the .NET host's start and its
own health gating. Stop: from SIGINT (Ctrl+C) to the AppHost to every service process gone, beside
the peers' `stop all` (N=100).

usage: bench/launch/run_launch.py [--n 20,100,500] [--reps 5] [--peers supervisord,pm2] [--skip-peers]
                                  [--before-dll PATH] [--no-jit]
Needs ../shared/bench-peers (a checkout beside this repository, or $BENCH_PEERS; a read-only one is
copied to /tmp to build its svc and hc). --before-dll adds another LaunchBench build (e.g. of an
older commit) as "orchestrator-before", its runs interleaved with this build's. "orchestrator" is the
LaunchBench AppHost published with Native AOT; "orchestrator-jit" the same built for `dotnet run`.
Prints a markdown table with medians and the ratio of each peer to the orchestrator.
"""
import argparse, json, os, signal, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import peerkit  # noqa: E402

ROOT = peerkit.ROOT
PEERS_DIR = peerkit.PEERS_DIR
SVC, HC = peerkit.SVC, peerkit.HC
BENCH_PROJECT = os.path.join(ROOT, "bench", "LaunchBench", "LaunchBench.csproj")


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def service_pids(base, n):
    out = subprocess.run([HC, "pids", str(base), str(n)], capture_output=True, text=True).stdout
    return [int(l.split()[1]) for l in out.splitlines() if int(l.split()[1]) > 0]


def wait_until(predicate, timeout, step=0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def orchestrator_run(dll, n, base, timeout_s=300):
    """One launch + stop. Returns (all_healthy_ms, stop_ms)."""
    state = tempfile.mkdtemp(prefix="launchbench-")
    env = dict(os.environ, ORCHESTRATOR_SKIP_PROJECT_BUILD="1", DOTNET_TieredPGO="1")
    env["HC_CMD_LOG"] = os.path.join(state, "cmd.log")
    marker = f"launchbench-{os.getpid()}-{n}-{time.time_ns()}"
    # hc forks the command itself and times from fork to the last /health 200. `setsid -f` returns
    # at once (as supervisord's daemonising command does), so hc does not wait out its timeout for a
    # foreground AppHost to return; the AppHost runs in its own session with default signals.
    cmd = ["setsid", "-f", *peerkit.host_command(dll), str(n), str(base), SVC, os.path.join(state, marker)]
    out = subprocess.run([HC, "launch", str(base), str(n), str(timeout_s * 1000), "--", *cmd],
                         env=env, capture_output=True, text=True).stdout
    kv = dict(t.split("=", 1) for t in out.split() if "=" in t)
    healthy_ms = float(kv.get("all_healthy_ms", -1))
    host = find_host(marker)
    pids = service_pids(base, n)
    t0 = time.monotonic()
    if host:
        os.kill(host, signal.SIGINT)
    ok = wait_until(lambda: not any(alive(p) for p in pids) and (not host or not alive(host)), 120)
    stop_ms = (time.monotonic() - t0) * 1000 if ok else -1
    cleanup(host, pids)
    subprocess.run(["rm", "-rf", state])
    return healthy_ms, stop_ms


def find_host(marker):
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if marker.encode() in f.read() and "LaunchBench" in open(f"/proc/{pid}/cmdline").read():
                        return int(pid)
            except OSError:
                pass
    return None


def cleanup(host, pids):
    for p in ([host] if host else []) + pids:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def peer_runs(peer, test, ns, reps, out, base):
    args = [sys.executable, os.path.join(PEERS_DIR, "peers.py"), test, "--peer", peer, "--reps", str(reps), "--out", out, "--base", str(base)]
    if test == "launch":
        args += ["--n", ",".join(map(str, ns))]
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)
    path = os.path.join(out, f"{peer}-{test}.jsonl")
    records = [json.loads(l) for l in open(path)] if os.path.exists(path) else []
    return records


def median(values):
    values = [v for v in values if v is not None and v >= 0]
    return statistics.median(values) if values else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="20,100,500")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--peers", default="supervisord,pm2")
    ap.add_argument("--base", type=int, default=21000)
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--before-dll", help="another LaunchBench build to measure beside this one")
    ap.add_argument("--no-jit", action="store_true", help="leave out the JIT build (dotnet run's) beside the published Native AOT one")
    args = ap.parse_args()
    ns = [int(x) for x in args.n.split(",")]

    builds = {"orchestrator": peerkit.publish_aot(BENCH_PROJECT)}
    if not args.no_jit:
        builds["orchestrator-jit"] = peerkit.build(BENCH_PROJECT)
    if args.before_dll:
        builds["orchestrator-before"] = os.path.abspath(args.before_dll)
    print(f"load average at start: {peerkit.load_average()}", flush=True)

    results = {name: {"launch": {}, "stop": {}} for name in builds}
    for n in ns:
        runs = {name: ([], []) for name in builds}
        for rep in range(args.reps):
            for name, dll in builds.items():
                h, s = orchestrator_run(dll, n, args.base)
                runs[name][0].append(h)
                runs[name][1].append(s)
                print(f"{name} N={n} rep={rep} all_healthy={h:.0f}ms stop={s:.0f}ms load={peerkit.load_average()}", flush=True)
                time.sleep(1)
        for name, (healthy, stops) in runs.items():
            results[name]["launch"][n] = median(healthy)
            results[name]["stop"][n] = median(stops)

    if not args.skip_peers:
        out = tempfile.mkdtemp(prefix="launchbench-peers-")
        for peer in args.peers.split(","):
            launch = peer_runs(peer, "launch", ns, args.reps, out, args.base + 2000)
            results[peer] = {"launch": {n: median([r["all_healthy_ms"] for r in launch if r["n"] == n]) for n in ns}}
            stop = peer_runs(peer, "stop", ns, args.reps, out, args.base + 2000)
            results[peer]["stop"] = {100: median([r["all_gone_ms"] for r in stop if r.get("mode") == "stop_all"])}
            print(f"{peer}: {results[peer]}", flush=True)

    print()
    print("| N | " + " | ".join(f"{p} (ms)" for p in results) + " | " + " | ".join(f"{p} / orchestrator" for p in results if p != "orchestrator") + " |")
    print("|---" * (1 + 2 * len(results) - 1) + "|")
    for n in ns:
        ours = results["orchestrator"]["launch"][n]
        row = [f"{results[p]['launch'].get(n, float('nan')):.0f}" for p in results]
        ratios = [f"{results[p]['launch'].get(n, float('nan')) / ours:.2f}x" for p in results if p != "orchestrator"]
        print(f"| launch {n} | " + " | ".join(row) + " | " + " | ".join(ratios) + " |")
    ours_stop = results["orchestrator"]["stop"].get(100)
    if ours_stop is not None:
        row = [f"{results[p]['stop'].get(100, float('nan')):.0f}" for p in results]
        ratios = [f"{results[p]['stop'].get(100, float('nan')) / ours_stop:.2f}x" for p in results if p != "orchestrator"]
        print(f"| stop 100 | " + " | ".join(row) + " | " + " | ".join(ratios) + " |")
    print(json.dumps(results))
    print(f"load average at end: {peerkit.load_average()}")


if __name__ == "__main__":
    main()

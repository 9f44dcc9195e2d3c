#!/usr/bin/env python3
"""Supervision benchmark: the orchestrator side by side with runit, PM2 and supervisord, in one run.

crash      N=20 services; SIGKILL one (the peers' `hc kill`: the pid read from /health), time until
           a NEW pid answers /health. Every sample kills a different service; 0.5 s between samples.
           The orchestrator's ladder restarts at once (delay 0), the peers run at their fastest
           (PM2 restart_delay 0, supervisord startsecs=0 autorestart=true, runit as is).
           Peers and orchestrator alternate in ROUNDS rounds, so drifting load hits them alike.
footprint  N health-checked services (orchestrator: HTTP /health every 5 s) per supervisor, the
           supervisors of one N started side by side; after a settle, RSS (sum of VmRSS of the
           supervisor and its non-service descendants, as the peers' harness counts it) and CPU
           (utime+stime over the window, % of one core) in WINDOWS windows.

usage: bench/supervision/run_supervision.py [crash] [footprint] [--rounds 2] [--samples 10]
          [--n 100,500,1000] [--windows 3] [--window 30] [--settle 60] [--before-dll PATH] [--no-jit]
"orchestrator" is the AppHost published with Native AOT (as it is deployed); "orchestrator-jit" is the
same AppHost built as `dotnet run` runs it (JIT), measured in the same run unless --no-jit.
--before-dll adds another build of the SupervisionBench AppHost (e.g. of an older commit) as the
contender "orchestrator-before", measured in the same run.
Prints markdown tables (medians, ratios to the orchestrator) and appends raw rows to --out.
"""
import argparse, json, os, statistics, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import peerkit  # noqa: E402
from peerkit import peers  # noqa: E402

ROOT = peerkit.ROOT
PROJECT = os.path.join(ROOT, "bench", "SupervisionBench", "SupervisionBench.csproj")


def emit(out, rec):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "a") as f:
        f.write(json.dumps(rec) + "\n")


ORCHESTRATORS = {}  # contender name -> AppHost dll


def make(peer, base, n):
    if peer in ORCHESTRATORS:
        return peerkit.Orchestrator(base, n, ORCHESTRATORS[peer], peer)
    return peers.PEERS[peer](base, n, "default" if peer == "runit" else "fast")


def crash(args):
    order = [*ORCHESTRATORS, "runit", "pm2", "supervisord"]
    samples = {p: [] for p in order}
    for rnd in range(args.rounds):
        for peer in order:
            p = make(peer, args.base, 20)
            try:
                p.start()
                peerkit.wait_healthy(p)
                time.sleep(3)  # every service past startsecs / min_uptime / MinUptime
                for s in range(args.samples):
                    idx = (rnd * args.samples + s) % 20
                    kv = peers.hc("kill", args.base, idx, 30000)
                    ms = kv.get("recovery_ms", -1)
                    samples[peer].append(ms)
                    emit(args.out, {"test": "crash", "label": args.label, "peer": peer, "round": rnd, "sample": s,
                                    "recovery_ms": ms, "load": peerkit.load_average(), "t": time.time()})
                    time.sleep(0.5)
                print(f"  round {rnd} {peer}: {[round(v, 1) for v in samples[peer][-args.samples:]]} "
                      f"(load {peerkit.load_average()})", flush=True)
            finally:
                p.teardown()
            time.sleep(1)
    ours = statistics.median(samples["orchestrator"])
    print(f"\n### crash recovery ({args.label}): SIGKILL -> new pid answers /health, "
          f"{args.rounds} rounds x {args.samples} samples each\n")
    print("| supervisor | median ms | max ms | orchestrator / supervisor |")
    print("|---|---|---|---|")
    for peer in order:
        v = [x for x in samples[peer] if x >= 0]
        med = statistics.median(v)
        print(f"| {peer} | {med:.1f} | {max(v):.1f} | {ours / med:.2f}x |")
    failed = {p: sum(1 for x in samples[p] if x < 0) for p in order}
    if any(failed.values()):
        print("failed samples:", failed)


def cpu_ticks(pids):
    return sum(st["ticks"] for st in (peers.proc_stat(q) for q in pids) if st)


def footprint(args):
    rows = []
    for n in args.n:
        insts, base = [], args.base
        try:
            for peer in args.footprint_peers:
                p = make(peer, base, n)
                insts.append(p)
                p.start()
                try:
                    peerkit.wait_healthy(p)
                except RuntimeError as e:  # measured anyway; each window records how many answer
                    print(f"  N={n}: {e}", flush=True)
                base += n + 10
            print(f"  N={n}: all up; settling {args.settle}s (load {peerkit.load_average()})", flush=True)
            time.sleep(args.settle)
            per = {p.name: {"rss": [], "cpu": [], "host": [], "procs": 0} for p in insts}
            for w in range(args.windows):
                t0 = time.time()
                before = {p.name: {q: peers.proc_stat(q)["ticks"] for q in p.supervisor_procs() if peers.proc_stat(q)}
                          for p in insts}
                time.sleep(args.window)
                dt = time.time() - t0
                for p in insts:
                    procs = p.supervisor_procs()
                    ticks = sum(peers.proc_stat(q)["ticks"] - before[p.name].get(q, 0) for q in procs if peers.proc_stat(q))
                    cpu = 100.0 * ticks / peers.TICK / dt
                    rss = sum(peers.rss_kb(q) for q in procs) / 1024.0
                    host = p.host_rss_mb() if isinstance(p, peerkit.Orchestrator) else rss
                    healthy = int(peers.hc("count", p.base, p.n)["_out"] or 0)
                    per[p.name]["rss"].append(rss)
                    per[p.name]["cpu"].append(cpu)
                    per[p.name]["host"].append(host)
                    per[p.name]["procs"] = len(procs)
                    rec = {"test": "footprint", "label": args.label, "peer": p.name, "n": n, "window": w,
                           "window_s": dt, "rss_mb": rss, "host_rss_mb": host, "cpu_pct": cpu, "procs": len(procs),
                           "healthy": healthy, "load": peerkit.load_average(), "t": time.time()}
                    emit(args.out, rec)
                    print(f"  N={n} w={w} {p.name}: procs={len(procs)} rss={rss:.1f}MB (main {host:.1f}MB) "
                          f"cpu={cpu:.3f}% healthy={healthy}/{n} load={rec['load']}", flush=True)
            for name, v in per.items():
                rows.append((n, name, statistics.median(v["rss"]), statistics.median(v["host"]),
                             statistics.median(v["cpu"]), max(v["cpu"]), v["procs"]))
        finally:
            for p in insts:
                p.teardown()
            time.sleep(2)
    print(f"\n### footprint ({args.label}): {args.windows} x {args.window:.0f} s windows after {args.settle:.0f} s settle\n")
    print("| N | supervisor | procs | RSS MB (all its procs) | RSS MB (main process) | idle CPU % median | max | orchestrator RSS / supervisor RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.n:
        ours = next(r for r in rows if r[0] == n and r[1] == "orchestrator")
        for r in (x for x in rows if x[0] == n):
            print(f"| {n} | {r[1]} | {r[6]} | {r[2]:.1f} | {r[3]:.1f} | {r[4]:.3f} | {r[5]:.3f} | {ours[2] / r[2]:.2f}x |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests", nargs="*", default=["crash", "footprint"])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--samples", type=int, default=10)
    ap.add_argument("--n", default="100,500,1000")
    ap.add_argument("--peers", default="supervisord,pm2", help="footprint peers beside the orchestrator")
    ap.add_argument("--windows", type=int, default=3)
    ap.add_argument("--window", type=float, default=30.0)
    ap.add_argument("--settle", type=float, default=60.0, help="seconds after all are healthy before measuring: the runtime recompiles hot code in its first minute")
    ap.add_argument("--base", type=int, default=24000)
    ap.add_argument("--label", default="run")
    ap.add_argument("--before-dll", help="another SupervisionBench build to measure beside this one")
    ap.add_argument("--no-jit", action="store_true", help="leave out the JIT build (dotnet run's) beside the published Native AOT one")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "supervision.jsonl"))
    args = ap.parse_args()
    args.n = [int(x) for x in args.n.split(",")]
    ORCHESTRATORS["orchestrator"] = peerkit.publish_aot(PROJECT)
    if not args.no_jit:
        ORCHESTRATORS["orchestrator-jit"] = peerkit.build(PROJECT)
    if args.before_dll:
        ORCHESTRATORS["orchestrator-before"] = os.path.abspath(args.before_dll)
    args.footprint_peers = [*ORCHESTRATORS, *[p for p in args.peers.split(",") if p]]
    print(f"load average at start: {peerkit.load_average()}", flush=True)
    if "crash" in args.tests:
        crash(args)
    if "footprint" in args.tests:
        footprint(args)
    print(f"load average at end: {peerkit.load_average()}")


if __name__ == "__main__":
    main()

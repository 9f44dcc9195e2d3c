#!/usr/bin/env python3
"""Control API benchmark: GET /api/v1/status and GET /api/v1/loadbalancer/{name} under wrk.

Starts the ApiBench AppHost (the orchestrator with its API, the load balancer and the registry), registers
100 external services through POST /api/v1/resources (two endpoints each, weights 1 and 2, both served by
a small health server this script runs on 127.0.0.1, probed every 5 s), waits until every replica is
Healthy, then for each route runs wrk with 64 connections: a warm-up, then the measured run. Prints
requests/s and p99 latency and writes bench/api/RESULTS.md.

usage: bench/api/run_api.py [--duration 25] [--warmup 10] [--connections 64] [--threads 1] [--services 100]
                            [--only TEXT] [--skip-build] [--no-write] [--builds native,jit]
Measures the AppHost published with Native AOT (as deployed) and the same built for `dotnet run`, one after
the other. Needs wrk (apt-get install -y wrk), the .NET SDK, and clang and zlib1g-dev for the native build. The API key is generated per run, handed to the
AppHost in its environment and to wrk through a 0600 file read by its Lua script: it is never printed.
"""
import argparse, http.server, json, os, re, resource, secrets, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PROJECT = os.path.join(HERE, "ApiBench", "ApiBench.csproj")
DLL = os.path.join(HERE, "ApiBench", "bin", "Release", "net10.0", "ApiBench.dll")
NATIVE = os.path.join(HERE, "ApiBench", "bin", "aot", "ApiBench")

LUA = """
local f = assert(io.open(os.getenv("BENCH_KEY_FILE"), "r"))
wrk.headers["X-Api-Key"] = f:read("*l")
f:close()
"""


class Health(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b"ok"
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the AppHost closing its probe connections at the end is no error worth a traceback


def health_server():
    server = QuietServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def call(base, key, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"X-Api-Key": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read() or b"null")


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"timed out waiting for {what}")


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(url, threads, connections, seconds, lua, env, host_pid):
    host_before, wrk_before = cpu_seconds(host_pid), children_cpu_seconds()
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua, url],
                         capture_output=True, text=True, env=env, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"\n\s+50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"\n\s+99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    # CPU per request is what the machine's load cannot distort: it says what idle cores could serve.
    host_us = (cpu_seconds(host_pid) - host_before) / total * 1e6
    wrk_us = (children_cpu_seconds() - wrk_before) / total * 1e6
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(0) if errors else "", "requests": total,
            "host_us": host_us, "wrk_us": wrk_us, "capacity": os.cpu_count() * 1e6 / (host_us + wrk_us)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=25)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--services", type=int, default=100)
    ap.add_argument("--builds", default="native,jit",
                    help="native: the AppHost published with Native AOT (as deployed); jit: built for dotnet run")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write RESULTS.md")
    ap.add_argument("--skip-build", action="store_true", help="use the ApiBench already built")
    ap.add_argument("--only", default="", help="run only the routes whose label contains this text")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    commands = {}
    for build in args.builds.split(","):
        if build == "native":
            if not args.skip_build:
                subprocess.run(["dotnet", "publish", PROJECT, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
                                "-o", os.path.dirname(NATIVE), "-v", "q", "-nologo"], check=True, cwd=ROOT)
            commands[build] = [NATIVE]
        elif build == "jit":
            if not args.skip_build:
                subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-v", "q", "-nologo"], check=True, cwd=ROOT)
            commands[build] = ["dotnet", DLL]
        else:
            sys.exit(f"unknown build '{build}': native or jit")

    runs = {}
    for build, command in commands.items():
        print(f"## {build}", flush=True)
        load_before = os.getloadavg()[0]
        results = measure(command, args)
        runs[build] = (results, (load_before, os.getloadavg()[0]))
        print(f"load average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}", flush=True)
    if not args.no_write:
        write_results(runs, args)


def measure(command, args):
    """Starts the AppHost, registers the services, runs wrk on every route; returns one result per route."""
    state = tempfile.mkdtemp(prefix="apibench-")
    key = secrets.token_urlsafe(32)
    key_file = os.path.join(state, "bench-key")
    with os.fdopen(os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
        f.write(key + "\n")
    lua = os.path.join(state, "key.lua")
    with open(lua, "w") as f:
        f.write(LUA)

    servers = [health_server() for _ in range(2)]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, ORCHESTRATOR_API_PORT=str(port), ORCHESTRATOR_API_KEY=key)
    log = open(os.path.join(state, "apphost.log"), "w")
    host = subprocess.Popen([*command, state], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: urllib.request.urlopen(base + "/health", timeout=2).status == 200, 60, "the API")
        names = [f"ext-{i:03d}" for i in range(args.services)]
        for name in names:
            status, _ = call(base, key, "POST", "/api/v1/resources", {
                "name": name, "type": "external",
                "endpoints": [{"url": f"http://127.0.0.1:{servers[0][1]}", "weight": 1},
                              {"url": f"http://127.0.0.1:{servers[1][1]}", "weight": 2}],
                "healthCheck": {"path": "/health", "intervalSeconds": 5, "timeoutSeconds": 2}})
            assert status == 201, f"registering {name}: {status}"
        wait_until(lambda: sum(r["healthyReplicas"] for r in call(base, key, "GET", "/api/v1/resources")[1]) == 2 * len(names),
                   60, "every replica healthy")

        target = names[len(names) // 2]
        routes = [(f"GET /api/v1/loadbalancer/{target} (power-of-two, the default)", f"/api/v1/loadbalancer/{target}")]
        for strategy in ["round-robin", "least-connections", "weighted", "ip-hash"]:
            routes.append((f"GET /api/v1/loadbalancer/{target}?strategy={strategy}", f"/api/v1/loadbalancer/{target}?strategy={strategy}"))
        # Status last: requests wrk gave up on keep the AppHost busy after the run, which would bill the next route.
        routes.append(("GET /api/v1/status", "/api/v1/status"))
        routes = [r for r in routes if args.only in r[0]]
        wrk_env = dict(os.environ, BENCH_KEY_FILE=key_file)
        results = []
        for label, path in routes:
            run_wrk(base + path, args.threads, args.connections, args.warmup, lua, wrk_env, host.pid)
            r = run_wrk(base + path, args.threads, args.connections, args.duration, lua, wrk_env, host.pid)
            r["label"] = label
            results.append(r)
            print(f"{label}: {r['rps']:.0f} req/s, p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, "
                  f"non-2xx {r['non2xx']} of {r['requests']} {r['socket_errors']}; CPU per request: AppHost {r['host_us']:.0f} us, "
                  f"wrk {r['wrk_us']:.0f} us -> {r['capacity']:.0f} req/s if both had the {os.cpu_count()} cores to themselves", flush=True)
        return results
    finally:
        host.terminate()
        try:
            host.wait(30)
        except subprocess.TimeoutExpired:
            host.kill()
        for server, _ in servers:
            server.shutdown()
        log.close()
        shutil.rmtree(state, ignore_errors=True)


def write_results(runs, args):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
    names = {"native": "the AppHost published with Native AOT (as deployed)", "jit": "the same AppHost built for `dotnet run` (JIT)"}
    lines = [
        "# Control API benchmark",
        "",
        f"`bench/api/run_api.py` on {os.cpu_count()} cores ({cpu}), wrk and the AppHost on the same machine;",
        f"{args.services} registered external services (2 endpoints each, probed every 5 s), wrk -t{args.threads} "
        f"-c{args.connections}, {args.warmup} s warm-up, then {args.duration} s measured per route. "
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, the builds one after the other.",
        "",
    ]
    for build, (results, load) in runs.items():
        lines += [
            f"## {build}: {names[build]}",
            "",
            f"The machine's 1-minute load average was {load[0]:.1f} before and {load[1]:.1f} after.",
            "",
            "| route | requests/s | p50 ms | p99 ms | non-2xx | AppHost CPU µs/request | wrk CPU µs/request | req/s the CPU cost allows on idle cores |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results:
            lines.append(f"| {r['label']} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['non2xx']} | "
                         f"{r['host_us']:.0f} | {r['wrk_us']:.0f} | {r['capacity']:,.0f} |")
        lines.append("")
    lines += [
        "Target for the balancer: at least 20,000 requests/s with p99 under 10 ms.",
        "",
        "How to read it: requests/s and latency are what wrk saw on this machine at that moment; when other work",
        "keeps the cores busy (see the load average), they measure the machine more than the API. The CPU time the",
        "AppHost and wrk spent per request (from /proc/PID/stat and wrk's rusage) barely depends on that, and the last",
        "column turns it into the rate the two cores could sustain if nothing else ran: cores / (AppHost + wrk CPU per request).",
        "",
    ]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""ServiceDefaults' cost on a service's request throughput, three ways side by side in one run:

  bare      the service without AddServiceDefaults()
  noexport  with AddServiceDefaults(), no OTEL_EXPORTER_OTLP_ENDPOINT (what a service run by hand gets)
  export    with AddServiceDefaults(), exporting to an OTLP receiver with the variables the orchestrator
            gives every replica (http/protobuf, 1 s batch delays and metric interval, always_on sampling)

The same service (ServiceDefaultsBench: GET /api/items/{id} answering a small JSON object) runs in the three
modes at once, each pinned to CPU 1; wrk (pinned to CPU 0) loads one at a time, the modes in turn for each round,
so that a slow moment of the machine hits every mode alike. Reports, per mode, the median requests/s and its
ratio to bare, and the service's CPU time per request (user + system, background export threads included) with
the capacity ratio it implies (bare's CPU per request / the mode's). On a machine shared with other work the
requests/s swing with the neighbours; CPU per request does not, so the capacity ratio is the figure to trust there.

usage: bench/servicedefaults/run_servicedefaults.py [--rounds 5] [--duration 10] [--connections 32] [--port 5850] [--no-build]
Needs wrk (installed through scripts/install-prerequisites.sh wrk) and taskset.
"""
import argparse, os, re, statistics, subprocess, sys, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PROJECT = os.path.join(HERE, "ServiceDefaultsBench", "ServiceDefaultsBench.csproj")
DLL = os.path.join(HERE, "ServiceDefaultsBench", "bin", "Release", "net10.0", "ServiceDefaultsBench.dll")
MODES = ["bare", "noexport", "export"]
SERVICE_CPU, LOAD_CPU = "1", "0"


def wait_until_up(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def allocated(url):
    with urllib.request.urlopen(url.split("/api/")[0] + "/bench/allocated", timeout=10) as response:
        return int(response.read())


def wrk(url, seconds, connections, pid):
    """Requests/s, p99 latency (ms), the service's CPU time per request (us, user and system together) and bytes allocated per request."""
    cpu_before, allocated_before = cpu_seconds(pid), allocated(url)
    out = subprocess.run(
        ["taskset", "-c", LOAD_CPU, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True, capture_output=True, text=True).stdout
    cpu, allocated_bytes = cpu_seconds(pid) - cpu_before, allocated(url) - allocated_before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url} answered {errors.group(1)} errors:\n{out}")
    return rps, float(p99.group(1)) * scale, cpu / requests * 1e6, allocated_bytes / requests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=5850)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    subprocess.run(["bash", os.path.join(ROOT, "scripts", "install-prerequisites.sh"), "wrk"], check=True)
    if not args.no_build:
        subprocess.run(["dotnet", "build", PROJECT, "-c", "Release", "-nologo", "-v", "quiet"], check=True)

    receiver = subprocess.Popen(["taskset", "-c", LOAD_CPU, "dotnet", DLL, "receiver"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    endpoint = receiver.stdout.readline().strip()
    base = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", DOTNET_ENVIRONMENT="Development")
    for name in [k for k in base if k.startswith("OTEL_")]:
        del base[name]
    identity = {"OTEL_SERVICE_NAME": "bench", "OTEL_RESOURCE_ATTRIBUTES": "service.instance.id=bench-0"}
    environments = {
        "bare": base,
        "noexport": dict(base, **identity),
        "export": dict(base, **identity,
                       OTEL_EXPORTER_OTLP_ENDPOINT=endpoint, OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf",
                       OTEL_BSP_SCHEDULE_DELAY="1000", OTEL_BLRP_SCHEDULE_DELAY="1000",
                       OTEL_METRIC_EXPORT_INTERVAL="1000", OTEL_TRACES_SAMPLER="always_on"),
    }
    services, urls = {}, {}
    try:
        for i, mode in enumerate(MODES):
            port = args.port + i
            urls[mode] = f"http://127.0.0.1:{port}/api/items/42"
            program_mode = "bare" if mode == "bare" else "defaults"
            services[mode] = subprocess.Popen(
                ["taskset", "-c", SERVICE_CPU, "dotnet", DLL, program_mode, "--urls", f"http://127.0.0.1:{port}"],
                # In the project's directory, as the orchestrator runs projects: its appsettings.json (request logs at Warning) applies.
                cwd=os.path.dirname(PROJECT), env=environments[mode], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for mode in MODES:
            wait_until_up(urls[mode])

        results = {mode: [] for mode in MODES}
        for round_ in range(args.rounds):
            order = MODES[round_ % 3:] + MODES[:round_ % 3]
            for mode in order:
                wrk(urls[mode], 3, args.connections, services[mode].pid)  # warm-up: JIT, tiering, connection pools
                rps, p99, cpu, allocation = wrk(urls[mode], args.duration, args.connections, services[mode].pid)
                results[mode].append((rps, p99, cpu, allocation))
                print(f"round {round_ + 1} {mode:9} {rps:10.0f} req/s  p99 {p99:.2f} ms  {cpu:.1f} us CPU/request  {allocation:.0f} B/request",
                      file=sys.stderr)
    finally:
        for process in services.values():
            process.terminate()
        for process in services.values():
            process.wait(timeout=30)
        receiver.stdin.close()
        receiver.wait(timeout=30)

    def median(mode, index):
        return statistics.median(r[index] for r in results[mode])

    print(f"\n{args.rounds} rounds of {args.duration} s, wrk -t1 -c{args.connections}, service on CPU {SERVICE_CPU}, wrk on CPU {LOAD_CPU}, "
          f"load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| mode | median req/s | req/s ratio to bare | median p99 (ms) | CPU per request (us) | capacity ratio to bare (CPU) | allocated per request (B) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for mode in MODES:
        print(f"| {mode} | {median(mode, 0):,.0f} | {median(mode, 0) / median('bare', 0):.2f}x | {median(mode, 1):.2f} "
              f"| {median(mode, 2):.1f} | {median('bare', 2) / median(mode, 2):.2f}x | {median(mode, 3):,.0f} |")


if __name__ == "__main__":
    main()

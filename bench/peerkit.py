"""Shared by the project's benchmarks: finds the peers' harness (../shared/bench-peers beside the
repository, or $BENCH_PEERS), builds its svc and hc where it can write, imports peers.py, and gives
the orchestrator a Peer subclass so that it runs the peers' exact workload, checker and timing.
"""
import os, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SOURCE = os.environ.get("BENCH_PEERS", os.path.abspath(os.path.join(ROOT, "..", "shared", "bench-peers")))


def peers_dir():
    """The harness directory with bin/svc and bin/hc built. A read-only checkout is copied to /tmp first."""
    d = SOURCE
    if not os.access(d, os.W_OK) and not os.path.exists(os.path.join(d, "bin", "hc")):
        copy = os.path.join(tempfile.gettempdir(), "bench-peers-copy")
        if not os.path.exists(os.path.join(copy, "bin", "hc")):
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(d, copy)
            subprocess.run(["chmod", "-R", "u+w", copy], check=True)
        d = copy
    if not (os.path.exists(os.path.join(d, "bin", "svc")) and os.path.exists(os.path.join(d, "bin", "hc"))):
        subprocess.run(["bash", os.path.join(d, "setup.sh")], check=True, stdout=subprocess.DEVNULL)
    return d


PEERS_DIR = peers_dir()
sys.path.insert(0, PEERS_DIR)
import peers  # noqa: E402  (the harness: Peer, hc, proc helpers)

SVC, HC = peers.SVC, peers.HC


def build(project):
    """dotnet build -c Release; returns the path of the built dll."""
    subprocess.run(["dotnet", "build", project, "-c", "Release", "-nologo", "-v", "quiet"], check=True,
                   stdout=subprocess.DEVNULL)
    name = os.path.splitext(os.path.basename(project))[0]
    return os.path.join(os.path.dirname(project), "bin", "Release", "net10.0", name + ".dll")


def publish_aot(project):
    """dotnet publish with Native AOT into bin/aot/ (as a user deploys an AppHost); returns the executable's path."""
    name = os.path.splitext(os.path.basename(project))[0]
    out = os.path.join(os.path.dirname(project), "bin", "aot")
    cmd = ["dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", out, "-nologo", "-v", "quiet"]
    if not shutil.which("clang"):  # Debian's versioned clang-NN without the unversioned command
        versioned = sorted((f for d in os.environ.get("PATH", "").split(os.pathsep) if os.path.isdir(d)
                            for f in os.listdir(d) if f.startswith("clang-") and f[6:].isdigit()), key=lambda f: int(f[6:]))
        if versioned:
            cmd.append(f"-p:CppCompilerAndLinker={versioned[-1]}")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, name)


def host_command(build):
    """How to run a bench AppHost build: a dll through dotnet, a Native AOT build as its own executable."""
    return ["dotnet", build] if build.endswith(".dll") else [build]


class Orchestrator(peers.Peer):
    """The orchestrator as a peer: a bench AppHost (a dll taking COUNT BASE SVC STATE [extra...]) that
    runs in the foreground; SIGINT is its Ctrl+C. `name` tells two builds apart (before / after)."""
    name = "orchestrator"

    def __init__(self, base, n, dll, name="orchestrator", extra_args=()):
        self.name, self.dll, self.extra_args = name, dll, list(extra_args)
        super().__init__(base, n)

    def write_config(self):
        self.state = os.path.join(self.d, "state")
        self.proc = None

    def start_cmd(self):
        return [*host_command(self.dll), str(self.n), str(self.base), SVC, self.state, *map(str, self.extra_args)]

    def start(self):
        log = open(os.path.join(self.d, "apphost.log"), "w")
        env = dict(os.environ, ORCHESTRATOR_SKIP_PROJECT_BUILD="1")
        self.proc = subprocess.Popen(self.start_cmd(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     env=env, start_new_session=True)
        self.after_start()

    def daemon_pids(self):
        return [self.proc.pid] if self.proc else []

    def supervisor_procs(self):
        """The AppHost, its non-service descendants, and its process-group reaper: that one runs outside
        the AppHost's tree (setsid --fork), so it is found by the pipe it reads, whose writer is the AppHost."""
        procs = super().supervisor_procs()
        if self.proc is None or self.proc.poll() is not None:
            return procs
        ours = pipe_inodes(self.proc.pid)
        for pid in (int(d) for d in os.listdir("/proc") if d.isdigit()):
            if pid not in procs and pipe_inodes(pid, fds=("0",)) & ours and "orchestrator-reaper" in cmdline(pid):
                procs.append(pid)
        return procs

    def host_rss_mb(self):
        return peers.rss_kb(self.proc.pid) / 1024.0 if self.proc else 0.0

    def stop_all_cmd(self):
        return ["kill", "-INT", str(self.proc.pid)]

    shutdown_cmd = stop_all_cmd

    def shutdown(self, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def states(self):
        return {}


def pipe_inodes(pid, fds=None):
    """The pipes among a process's descriptors (all of them, or only those named in fds)."""
    found = set()
    try:
        for fd in fds or os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("pipe:"):
                found.add(target)
    except OSError:
        pass
    return found


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def wait_healthy(p, timeout_s=300):
    w = peers.hc("wait", p.base, p.n, timeout_s * 1000)
    if w["_rc"] != 0:
        raise RuntimeError(f"{p.name}: not all {p.n} services healthy: {w['_out']}")
    return w

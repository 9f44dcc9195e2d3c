#!/usr/bin/env bash
# Installs what the orchestrator and its tests need and the machine lacks (Debian 12, as root):
# PostgreSQL and Redis (run natively as resources), Node.js and npm (the dashboard's build), Chromium (browser tests),
# clang and zlib's headers (a Native AOT publish of an AppHost), wrk (benchmarks). Idempotent and quiet when all is there.
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Native AOT compiles and links with `clang` (Debian's clang-14 alone has no `clang` command: the clang package adds it,
# so that a plain `dotnet publish -r linux-x64` of an AppHost works).
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [[ " ${missing[*]} " == *" clang "* ]] && ! command -v clang >/dev/null 2>&1; then
        echo "The clang package was installed, but there is no clang command." >&2
        exit 1
    fi
fi

# The Debian packages start system-wide servers; the orchestrator runs its own, so leave theirs off.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now postgresql redis-server >/dev/null 2>&1 || true
fi

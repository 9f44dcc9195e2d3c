#!/usr/bin/env bash
# The main command: installs what is missing, then runs the AppHost's demo system until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
exec dotnet run --project AppHost -- "$@"

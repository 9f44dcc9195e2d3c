#!/usr/bin/env bash
# The test command: installs what is missing, builds once, runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
dotnet build Orchestrator.sln -c Release -nologo -v quiet
results=$(mktemp -d)
status=0
# The dashboard's browser app: Vitest unit tests (its reducer and formatting), counted in the closing line.
(cd Dashboard/ClientApp && node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json \
    --outputFile.json="$results/vitest.json") || status=$?
# Browser tests save their screenshots beside the results.
export DASHBOARD_TEST_ARTIFACTS="$results/screenshots"
dotnet test Orchestrator.sln -c Release --no-build -nologo \
    --logger "trx" --results-directory "$results" "$@" || status=$?
# One plain closing line that any CI can read: "N passed, N failed".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is not None:
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
        skipped += int(c.get("notExecuted", 0))
try:
    import json
    v = json.load(open(sys.argv[1] + "/vitest.json"))
    passed += v.get("numPassedTests", 0); failed += v.get("numFailedTests", 0)
    skipped += v.get("numPendingTests", 0) + v.get("numTodoTests", 0)
except (OSError, ValueError):
    pass
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

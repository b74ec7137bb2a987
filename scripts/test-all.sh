#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, scaling (time ratios on hostile input), integration (real PostgreSQL), production build, e2e (real
# Chromium against the built app). Ends with one "N passed, N failed" line over all test runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=.data/test-reports
rm -rf "$reports" && mkdir -p "$reports"

step() { printf '\n=== %s ===\n' "$1"; }
fail() { echo "FAILED: $1"; node scripts/summarize-tests.mjs "$reports" || true; exit 1; }

step "lint";        npx eslint . --max-warnings 0 || fail "lint"
step "typecheck";   npx tsc --noEmit -p . || fail "typecheck"
step "unit";        npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || fail "unit tests"
step "scaling";     npx vitest run --project scaling --reporter=default --reporter=json --outputFile.json="$reports/scaling.json" || fail "scaling tests"
step "integration"; npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json" || fail "integration tests"
step "build";       npx next build || fail "next build"
step "e2e";         PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json || fail "e2e tests"
node scripts/summarize-tests.mjs "$reports"

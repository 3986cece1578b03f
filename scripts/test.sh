#!/usr/bin/env bash
# `npm test`: every check, in the order CI runs them, on a fresh machine or a warm one.
#   typecheck -> lint -> Vitest (unit + integration, PGlite) -> go-live check (Spektrix contract table) -> DB tests on a real PostgreSQL -> next build -> Playwright
#   -> the 1,000-event crawl (its own servers)
#   -> two instances on PostgreSQL + Redis (tests/scale) -> budgets (scripts/bench/budgets.ts)
# Ends with one plain line "N passed, N failed, N skipped" summed over every runner; exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib/bootstrap.sh"
cd "$REPO_ROOT"
set -e
bootstrap_node
bootstrap_apt chromium postgresql redis-server
bootstrap_npm
set +e

export CI=${CI:-} ALLOW_DEMO_SECRETS=1
RESULTS="$REPO_ROOT/ci-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
T0=$SECONDS
FAILED_STEPS=()

step() { say "[$((SECONDS - T0))s] $*"; }
# A check that is not a test runner (typecheck, lint, build) counts as one test.
check() {
  local name=$1; shift
  step "$name"
  if "$@"; then echo "pass" >"$RESULTS/check-$name"; else echo "fail" >"$RESULTS/check-$name"; FAILED_STEPS+=("$name"); fi
}

check typecheck npm run -s typecheck
check lint npm run -s lint

step "vitest: unit and integration (PGlite)"
npx vitest run --reporter=dot --reporter=json --outputFile.json="$RESULTS/vitest.json" || FAILED_STEPS+=("vitest")

check spektrix-check npm run -s spektrix:check

step "vitest: database tests on PostgreSQL"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PG_DIR=$(mktemp -d)
# A port nothing listens on now (tests/scale/redis-server.ts freePort): a fixed one failed the whole step when a
# server left over from an interrupted run still held it.
PG_PORT=${PG_TEST_PORT:-$(npx tsx -e 'import("./tests/scale/redis-server.ts").then(async (m) => console.log(await m.freePort()))')}
stop_pg() { [ -n "$PG_BIN" ] && su postgres -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
PG_UP=
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)"; FAILED_STEPS+=("postgres")
elif ! [[ $PG_PORT =~ ^[0-9]+$ ]]; then
  # An empty port would mean 5432: whatever server the developer runs there, never ours.
  echo "no port for the private PostgreSQL (got '$PG_PORT')"; FAILED_STEPS+=("postgres")
else
  chown postgres "$PG_DIR"
  if su postgres -c "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null \
    && su postgres -c "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off' start" >/dev/null; then
    PG_UP=1
    TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
      npx vitest run tests/db tests/sync --reporter=dot --reporter=json --outputFile.json="$RESULTS/vitest-postgres.json" \
      || FAILED_STEPS+=("vitest-postgres")
  else
    echo "could not start a private PostgreSQL on 127.0.0.1:$PG_PORT"; cat "$PG_DIR/log" 2>/dev/null | tail -5; FAILED_STEPS+=("postgres")
  fi
fi

check build npm run -s build
check no-secrets-in-bundle npx tsx scripts/check-no-secrets.ts

if [ -f "$RESULTS/check-build" ] && [ "$(cat "$RESULTS/check-build")" = pass ]; then
  step "playwright: journeys in Chromium against the built site and the emulator"
  # CI=1: always start our own servers, never reuse whatever happens to listen on the test ports.
  CI=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright.json" npx playwright test --reporter=list,json \
    --grep-invert "1,000 generated events" || FAILED_STEPS+=("playwright")
  # On its own servers: it adds 1,000 events to the emulator and the store the journeys above rely on.
  step "playwright: a crawler's walk of 1,000 generated events"
  CI=1 CRAWL_GENERATED=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright-crawl-generated.json" \
    npx playwright test e2e/crawl.spec.ts --grep "1,000 generated events" --reporter=list,json || FAILED_STEPS+=("playwright-crawl")
else
  step "playwright: skipped, the build failed"
fi

if [ -f "$RESULTS/check-build" ] && [ "$(cat "$RESULTS/check-build")" = pass ]; then
  if [ -n "$PG_UP" ]; then
    step "vitest: two next start instances on PostgreSQL and Redis (tests/scale)"
    SCALE_TEST=1 TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
      npx vitest run tests/scale --reporter=dot --reporter=json --outputFile.json="$RESULTS/vitest-scale.json" || FAILED_STEPS+=("vitest-scale")
  else
    step "vitest: multi-instance test skipped, no private PostgreSQL"; FAILED_STEPS+=("vitest-scale")
  fi
  # Budgets that do not depend on timing (docs/performance.md): first-load JS per public route, zero writes on re-sync.
  check budget-first-load-js npx tsx scripts/bench/budgets.ts --only js
  check budget-resync-writes npx tsx scripts/bench/budgets.ts --only sync
else
  step "multi-instance test and budgets: skipped, the build failed"
fi

step "summary (${SECONDS}s)"
node scripts/lib/summarise-results.mjs "$RESULTS"
status=$?
if ((${#FAILED_STEPS[@]})); then echo "failed steps: ${FAILED_STEPS[*]}" >&2; status=1; fi
exit $status

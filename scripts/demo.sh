#!/usr/bin/env bash
# `npm run demo`: the Spektrix emulator, the embedded database (migrated, seeded by a sync) and the site.
set -euo pipefail
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap_node
bootstrap_npm
cd "$REPO_ROOT"
exec node --import tsx scripts/demo.ts "$@"

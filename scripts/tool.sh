#!/usr/bin/env bash
# Runs one of the project's TypeScript tools (`npm run bench` and its parts) under the project's Node 24, as
# `npm run demo` and `npm test` run the site: run with the system Node, a benchmark would measure a runtime that
# nothing else here uses.
set -euo pipefail
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap_node
bootstrap_npm
exec node --import tsx "$@"

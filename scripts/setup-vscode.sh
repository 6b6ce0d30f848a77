#!/usr/bin/env bash
# Installs the test editor: Debian packages it needs, then code-server (a full VS Code build) into a tool cache
# at .vscode-test/code-server/, outside node_modules. Idempotent: every step is skipped when already done.
# Non-interactive (CI=true is fine). Nothing is written to $HOME: XDG dirs and npm's cache live under .vscode-test/.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"   # the newest release whose engines.node accepts Node 20; bundles VS Code 1.100.3
RIPGREP_VERSION="v13.0.0-10"    # what @vscode/ripgrep 1.15.11 downloads; Debian's ripgrep is the same 13.0.0

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$REPO/.vscode-test"
TOOL="$CACHE/code-server"
BIN="$TOOL/node_modules/.bin/code-server"

say() { printf '[setup-vscode] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------------------
APT_PACKAGES=(chromium libkrb5-dev ripgrep python3-sklearn python3-torch python3-numpy)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "apt: ${APT_PACKAGES[*]} already installed"
fi

# --- code-server -----------------------------------------------------------------------------------
installed_version() {
  node -p "require('$TOOL/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ -x "$BIN" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] \
  && [ -f "$TOOL/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]; then
  say "code-server $CODE_SERVER_VERSION already installed in ${TOOL#"$REPO"/}"
  exit 0
fi

say "installing code-server@$CODE_SERVER_VERSION into ${TOOL#"$REPO"/} (about a minute)"
mkdir -p "$TOOL" "$CACHE/tmp" "$CACHE/npm-cache" "$CACHE/xdg/config" "$CACHE/xdg/data" "$CACHE/xdg/cache"

# The tool cache is its own npm project, so the extension's package.json never lists code-server.
# npm 11 blocks dependency install scripts unless allowed; code-server needs them (its postinstall runs
# `npm install` in lib/vscode, which builds native modules such as node-pty and kerberos).
cat >"$TOOL/package.json" <<JSON
{
  "name": "mlroadmap-test-editor",
  "private": true,
  "description": "Tool cache: the code-server build the mlroadmap tests run in. Created by scripts/setup-vscode.sh.",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
JSON

# Mend: @vscode/ripgrep's postinstall asks api.github.com for a tarball; hand it Debian's rg in its cache instead.
export TMPDIR="$CACHE/tmp"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
RG_TARBALL="$RG_CACHE/ripgrep-$RIPGREP_VERSION-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$RG_TARBALL" ]; then
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_TARBALL" -C "$(dirname "$(command -v rg)")" rg
  say "ripgrep: cached $(command -v rg) as $(basename "$RG_TARBALL")"
fi

export npm_config_unsafe_perm=true                 # mend: code-server's postinstall demands --unsafe-perm
export npm_config_yes=true                         # mend: node-pty's postinstall runs npx node-gyp, which asks
export npm_config_dangerously_allow_all_scripts=true  # npm 11: run the native builds, also in nested installs
export npm_config_cache="$CACHE/npm-cache"
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false
export XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" XDG_CACHE_HOME="$CACHE/xdg/cache"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

(cd "$TOOL" && npm install --no-save --foreground-scripts --loglevel=warn 2>&1 | tail -n 40)

if [ ! -x "$BIN" ] || [ ! -f "$TOOL/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]; then
  say "ERROR: code-server did not install completely (see the npm output above)"
  exit 1
fi
say "ready: $("$BIN" --version 2>/dev/null | tail -n 1) at ${BIN#"$REPO"/}"

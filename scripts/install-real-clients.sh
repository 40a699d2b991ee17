#!/usr/bin/env bash
# Installs the real clients the `extension`, `package`, `nvim` and `emacs` test tiers drive: Debian's
# Chromium, Neovim, Emacs with eglot and ripgrep, and code-server (VS Code's workbench and extension host served to a
# browser). code-server goes into a cache folder of its own, outside the project's package.json,
# so `npm ci` stays fast and a second run finds it already there.
#
#   scripts/install-real-clients.sh apt          Debian packages (apt-get update only when one is missing)
#   scripts/install-real-clients.sh code-server  code-server 4.100.3 into $CODE_SERVER_HOME
#
# The workarounds are those of docs/REAL-CLIENTS.md in the team's notes: ripgrep's postinstall would
# download from GitHub, so its cache is pre-seeded with Debian's rg; npm as root needs unsafe-perm and
# `yes` for node-pty's `npx node-gyp`; npm 11 runs a dependency's install scripts only when the
# installing package.json approves them in `allowScripts`.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
CODE_SERVER_HOME="${CODE_SERVER_HOME:-$PWD/.cache/code-server}"
APT_PACKAGES=(chromium neovim emacs-nox elpa-eglot ripgrep libkrb5-dev pkg-config build-essential python3 fonts-dejavu-core)

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "apt: all present (${APT_PACKAGES[*]})"
    return
  fi
  echo "apt: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_code_server() {
  local bin="$CODE_SERVER_HOME/node_modules/code-server/out/node/entry.js"
  local pkg="$CODE_SERVER_HOME/node_modules/code-server/package.json"
  if [ -f "$bin" ] && [ -f "$CODE_SERVER_HOME/.complete" ] \
     && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$pkg"; then
    echo "code-server $CODE_SERVER_VERSION: cached in $CODE_SERVER_HOME"
    return
  fi
  command -v rg >/dev/null || { echo "code-server needs Debian's ripgrep first (run the apt step)" >&2; exit 1; }
  rm -rf "$CODE_SERVER_HOME"
  mkdir -p "$CODE_SERVER_HOME/tmp/rg"
  # @vscode/ripgrep looks for its archive under os.tmpdir() before downloading; a private TMPDIR
  # holding Debian's rg under the expected name keeps the install offline.
  local seed="$CODE_SERVER_HOME/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$seed"
  cp "$(command -v rg)" "$CODE_SERVER_HOME/tmp/rg/rg"
  tar -czf "$seed/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CODE_SERVER_HOME/tmp/rg" rg
  cat > "$CODE_SERVER_HOME/package.json" <<JSON
{ "private": true, "description": "code-server for competency-lint's extension-host tests (not part of the product)",
  "allowScripts": { "code-server": true } }
JSON
  (
    cd "$CODE_SERVER_HOME"
    TMPDIR="$CODE_SERVER_HOME/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install "code-server@$CODE_SERVER_VERSION" --foreground-scripts --no-audit --no-fund \
      > "$CODE_SERVER_HOME/install.log" 2>&1 \
      || { tail -40 "$CODE_SERVER_HOME/install.log" >&2; exit 1; }
  )
  # The postinstall builds the native modules the extension host loads; without them code-server
  # starts but its extension host dies, so check one of them rather than trusting the exit code.
  local pty="$CODE_SERVER_HOME/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  [ -f "$pty" ] || { echo "code-server's native modules were not built; see $CODE_SERVER_HOME/install.log" >&2; exit 1; }
  rm -rf "$CODE_SERVER_HOME/tmp"
  touch "$CODE_SERVER_HOME/.complete"
  echo "code-server $CODE_SERVER_VERSION: installed in $CODE_SERVER_HOME"
}

case "${1:-all}" in
  apt) install_apt ;;
  code-server) install_code_server ;;
  all) install_apt; install_code_server ;;
  *) echo "usage: $0 [apt|code-server|all]" >&2; exit 2 ;;
esac

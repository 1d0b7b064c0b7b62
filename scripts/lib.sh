# Shared by the scripts in this folder: where tools live and how to report.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# npm's binaryen (wasm-opt 132) lives here, outside the repo, and comes first on PATH so that
# Debian's binaryen 108, which breaks the wasm, is never picked.
TOOLS_DIR=${COMMERCE_OTP_TOOLS:-${XDG_DATA_HOME:-$HOME/.local/share}/commerce-otp}
export PATH="$TOOLS_DIR/binaryen/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version pinned by Cargo.lock; wasm-bindgen-cli and Trunk.toml must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

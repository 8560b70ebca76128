#!/usr/bin/env bash
# Builds VCSP Intake and serves it at http://127.0.0.1:8080, rebuilding when a source file changes.
# Installs what is missing first (wasm32 target, the release build's nightly, trunk,
# wasm-bindgen-cli, wasm-opt).
#
#   scripts/serve.sh          release build: the app as users get it (nightly, see tools.sh)
#   scripts/serve.sh --dev    debug build with stable: faster to rebuild while developing
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

serve=(env "${RELEASE_ENV[@]}" trunk serve --release)
case "${1:-}" in
  "") ;;
  --dev) serve=(trunk serve) ;;
  *) fail "unknown option '$1'." "Usage: scripts/serve.sh [--dev]" ;;
esac

ensure_build_tools

step "Building and serving at http://127.0.0.1:8080 (Ctrl-C stops)"
exec "${serve[@]}"

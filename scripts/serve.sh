#!/usr/bin/env bash
# Builds VCSP Intake and serves it at http://127.0.0.1:8080, rebuilding when a source file changes.
# Installs what is missing first (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt).
#
#   scripts/serve.sh          release build: the app as users get it
#   scripts/serve.sh --dev    debug build: faster to rebuild while developing
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

mode=(--release)
case "${1:-}" in
  "") ;;
  --dev) mode=() ;;
  *) fail "unknown option '$1'." "Usage: scripts/serve.sh [--dev]" ;;
esac

ensure_build_tools

step "Building and serving at http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve "${mode[@]}"

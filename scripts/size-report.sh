#!/usr/bin/env bash
# Builds the release app into dist/ and prints every file's size raw, gzip and brotli, and the total.
# The figures for the README and issue notes come from here.
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

step "Checking the tools"
need_rust
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_node_packages

step "Building the release app (trunk build --release)"
trunk build --release

step "Size of dist/"
node scripts/size-report.mjs dist

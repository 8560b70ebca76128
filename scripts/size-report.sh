#!/usr/bin/env bash
# Builds the release app into dist/ and prints every file's size raw, gzip and brotli, and the total.
# The figures for the README and issue notes come from here.
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools

step "Building the release app (trunk build --release, with $RELEASE_TOOLCHAIN)"
release_trunk build --release

step "Size of dist/"
node scripts/size-report.mjs dist

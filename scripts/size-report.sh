#!/usr/bin/env bash
# Builds the release app into dist/ and prints every file's size raw, gzip and brotli, and the total;
# then what a visit downloads before it is interactive (the home page, and a stored draft's first
# step), measured in headless Chromium. The figures for the README and issue notes come from here.
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools
ensure_chromium

step "Building the release app (trunk build --release, with $RELEASE_TOOLCHAIN)"
release_trunk build --release

step "Size of dist/"
node scripts/size-report.mjs dist

step "What a visit downloads before it is interactive"
node scripts/first-download.mjs dist

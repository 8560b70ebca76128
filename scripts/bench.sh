#!/usr/bin/env bash
# Prints the performance figures: native benchmarks of reading, validating and assessing every
# fixture (and assessing 10x and 100x the largest) and of reading collectors' exports, then
# reading 10,000 generated bundles into a portfolio, then assessing the largest fixture compiled
# to Wasm in headless Chromium, then the web app's cold load and keystroke-to-findings time on the
# release build, then Lighthouse (mobile) on the home page and a stored draft's first step.
# Installs what is missing first, like the other commands.
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools
ensure_chromium

step "Native benchmarks (release profile, as shipped)"
cargo bench --locked --package intake-core --bench assessment

step "Evidence readers: RVTools and Veeam Healthcheck exports (release profile)"
cargo bench --locked --package intake-core --bench evidence

step "intake portfolio over 10,000 generated bundles, 2 jobs (release profile)"
cargo bench --locked --package intake-cli --bench portfolio

step "Wasm benchmark in headless Chromium"
cargo bench --locked --target wasm32-unknown-unknown --package intake-core --bench assessment_wasm

step "Web app in headless Chromium (release build)"
release_trunk build --release
node scripts/bench-ui.mjs

step "Lighthouse, mobile (release build served with brotli)"
node scripts/lighthouse.mjs dist

#!/usr/bin/env bash
# Runs every test of VCSP Intake, installing what is missing first (wasm32 target, the release
# build's nightly, trunk, wasm-bindgen-cli, wasm-opt, Chromium + ChromeDriver, node packages,
# leptosfmt). CI runs exactly this. Lints and tests use stable; the release build tested end to end
# uses the nightly.
#
# Layers: format and lints; native tests (cargo test); the app in headless Chromium
# (wasm-bindgen-test); end-to-end journeys in Playwright against the release build in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"

ensure_build_tools
ensure_chromium
ensure_leptosfmt

# CI builds everything once, from a clean clone: incremental compilation's caches would only take
# disk (6.6 GB of target/ in one run).
if [ -n "${CI:-}" ]; then
  export CARGO_INCREMENTAL=0
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# Runs one stage, keeping its output for the counts; stops with the stage's name when it fails.
stage() {
  local name="$1"
  shift
  step "$name"
  "$@" 2>&1 | tee "$logs/$name.log" || fail "$name failed: see the output above."
}

# The bodies of `view!` macros, which rustfmt skips, as leptosfmt lays them out (leptosfmt.toml).
# Each file goes through `leptosfmt --stdin` and is compared with `diff -u`, because
# `leptosfmt --check` passes a file it cannot parse and prints whole files, not the changed lines.
view_format() {
  local file status=0
  while IFS= read -r -d '' file; do
    if leptosfmt --stdin <"$file" >"$logs/leptosfmt.rs"; then
      diff -u --label "$file" --label "$file (leptosfmt)" "$file" "$logs/leptosfmt.rs" || status=1
    else
      echo "leptosfmt could not read $file"
      status=1
    fi
  done < <(find src tests -name '*.rs' -print0 | sort -z)
  if [ "$status" -ne 0 ]; then
    echo "To format: leptosfmt src tests && cargo fmt --all, twice (one pass may not settle)."
  fi
  return "$status"
}

stage "format" cargo fmt --all --check
stage "format-view" view_format
stage "lint-native" cargo clippy --workspace --all-targets --locked -- -D warnings
stage "lint-wasm32" cargo clippy --target wasm32-unknown-unknown --package vcsp-intake \
  --package intake-core --lib --bins --tests --locked -- -D warnings
stage "docs" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --locked
stage "native-tests" cargo test --workspace --locked
stage "browser-tests" cargo test --target wasm32-unknown-unknown --package vcsp-intake \
  --test web --test storage --locked
stage "wasm-parity" cargo test --target wasm32-unknown-unknown --package intake-core \
  --test wasm_parity --locked
stage "release-build" release_trunk build --release
stage "end-to-end" npx playwright test

# One closing line over every layer: cargo and wasm-bindgen-test print "test result: ... N passed;
# M failed;", Playwright writes its counts to a JSON report.
read -r cargo_passed cargo_failed < <(cat "$logs/native-tests.log" "$logs/browser-tests.log" "$logs/wasm-parity.log" |
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i - 1); if ($i ~ /^failed/) f += $(i - 1) } }
       END { print p + 0, f + 0 }')
read -r e2e_passed e2e_failed < <(node -e '
  const { stats } = JSON.parse(require("fs").readFileSync("test-results/e2e.json", "utf8"));
  console.log(stats.expected + stats.flaky, stats.unexpected);')
printf '\ntests: %d passed, %d failed\n' "$((cargo_passed + e2e_passed))" "$((cargo_failed + e2e_failed))"

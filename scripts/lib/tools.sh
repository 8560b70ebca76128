# shellcheck shell=bash
# Shared by scripts/serve.sh, scripts/test.sh, scripts/size-report.sh and scripts/bench.sh: make
# sure each tool the build or the tests need is present, install what is missing, skip what is
# there, and stop with a message naming the tool when that fails. Sourced, never run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
TRUNK_SERIES="0.21."
# Exactly this version: another one may lay out `view!` bodies differently and fail the check.
LEPTOSFMT_VERSION="0.1.33"

# The release build (what dist/ ships) uses this nightly, pinned because the unstable options
# below change between nightlies; everything else (lints, tests, dev builds) uses stable.
RELEASE_TOOLCHAIN="nightly-2026-05-20"
# Cargo settings of the release build, passed to trunk's cargo as environment variables: rebuild
# the standard library for size (`optimize_for_size`) and with `panic = "immediate-abort"`, so a
# panic traps at once and the panic message, formatting and location machinery is left out.
RELEASE_ENV=(
  "RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN"
  "CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
  "CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size"
  "CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true"
  "CARGO_PROFILE_RELEASE_PANIC=immediate-abort"
)

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM CHROMEDRIVER
# Never let a tool download a browser or a binary of its own: only registries are reachable.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"
PATH="$ROOT/node_modules/.bin:$PATH"
export PATH

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
fail() {
  printf '\nerror: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '       %s\n' "$line" >&2; done
  exit 1
}

# Runs "$@" as root: directly when we are root, through sudo when it needs no password.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

need_rust() {
  command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 ||
    fail "the Rust toolchain (rustup and cargo) is missing." \
      "Install rustup with the stable toolchain, then run this command again."
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "wasm32-unknown-unknown target: present"
  else
    step "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown ||
      fail "could not install the Rust target wasm32-unknown-unknown." \
        "Try: rustup target add wasm32-unknown-unknown"
  fi
}

# The pinned nightly with the parts the release build needs: the standard library's source (to
# rebuild it) and the wasm32 target. Then the crates the rebuilt standard library depends on, which
# trunk's offline cargo cannot download itself.
ensure_release_toolchain() {
  local toolchain="$RELEASE_TOOLCHAIN"
  if rustup toolchain list | grep -q "^$toolchain-"; then
    note "$toolchain toolchain: present"
  else
    step "Installing the $toolchain toolchain (for the release build), with rust-src and wasm32-unknown-unknown"
    rustup toolchain install "$toolchain" --profile minimal --component rust-src \
      --target wasm32-unknown-unknown ||
      fail "could not install the Rust toolchain $toolchain." \
        "Try: rustup toolchain install $toolchain --profile minimal --component rust-src --target wasm32-unknown-unknown"
  fi
  if rustup component list --toolchain "$toolchain" --installed | grep -qx rust-src; then
    note "$toolchain rust-src: present"
  else
    step "Installing rust-src for $toolchain"
    rustup component add rust-src --toolchain "$toolchain" ||
      fail "could not install rust-src for $toolchain." \
        "Try: rustup component add rust-src --toolchain $toolchain"
  fi
  if rustup target list --toolchain "$toolchain" --installed | grep -qx wasm32-unknown-unknown; then
    note "$toolchain wasm32-unknown-unknown target: present"
  else
    step "Installing the wasm32-unknown-unknown target for $toolchain"
    rustup target add wasm32-unknown-unknown --toolchain "$toolchain" ||
      fail "could not install the Rust target wasm32-unknown-unknown for $toolchain." \
        "Try: rustup target add wasm32-unknown-unknown --toolchain $toolchain"
  fi
  if env "${RELEASE_ENV[@]}" cargo fetch --locked --offline --target wasm32-unknown-unknown >/dev/null 2>&1; then
    note "crates of the release build: present"
  else
    step "Downloading the crates of the release build (the app's and the standard library's)"
    env "${RELEASE_ENV[@]}" cargo fetch --locked --target wasm32-unknown-unknown ||
      fail "could not download the crates of the release build." \
        "Try: RUSTUP_TOOLCHAIN=$toolchain CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch --target wasm32-unknown-unknown"
  fi
}

# Runs trunk for the release build: trunk's cargo gets RELEASE_ENV. `trunk build --release` run by
# hand builds the same app with stable, only larger.
release_trunk() {
  env "${RELEASE_ENV[@]}" trunk "$@"
}

ensure_trunk() {
  local found=""
  command -v trunk >/dev/null 2>&1 && found="$(trunk --version 2>/dev/null | awk '{print $2}')"
  if [[ "$found" == "$TRUNK_SERIES"* ]]; then
    note "trunk: $found"
  else
    step "Installing trunk $TRUNK_VERSION (found: ${found:-none}); this compiles for about 11 minutes on 2 cores"
    cargo install trunk --version "$TRUNK_VERSION" --locked ||
      fail "could not install trunk $TRUNK_VERSION." \
        "Try: cargo install trunk --version $TRUNK_VERSION --locked" \
        "(trunk 0.22 needs a newer Rust than 1.95; this project uses the 0.21 series)."
  fi
}

# leptosfmt formats the bodies of Leptos `view!` macros, which rustfmt leaves alone; the tests check
# them with it (settings in leptosfmt.toml).
ensure_leptosfmt() {
  local found=""
  command -v leptosfmt >/dev/null 2>&1 && found="$(leptosfmt --version 2>/dev/null | awk '{print $2}')"
  if [ "$found" = "$LEPTOSFMT_VERSION" ]; then
    note "leptosfmt: $found"
  else
    step "Installing leptosfmt $LEPTOSFMT_VERSION (found: ${found:-none}); this compiles for about 1.5 minutes on 2 cores"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked ||
      fail "could not install leptosfmt $LEPTOSFMT_VERSION." \
        "Try: cargo install leptosfmt --version $LEPTOSFMT_VERSION --locked"
  fi
}

# The wasm-bindgen version the app is built with, read from Cargo.lock: wasm-bindgen-cli must match.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want found=""
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || fail "could not read the wasm-bindgen version from Cargo.lock."
  command -v wasm-bindgen >/dev/null 2>&1 && found="$(wasm-bindgen --version | awk '{print $2}')"
  if [ "$found" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    note "wasm-bindgen-cli: $found"
  else
    step "Installing wasm-bindgen-cli $want (found: ${found:-none}), the version in Cargo.lock"
    # Not --locked: its lock file pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want" --force ||
      fail "could not install wasm-bindgen-cli $want." \
        "Try: cargo install wasm-bindgen-cli --version $want"
  fi
}

# Node packages from the committed lock file: wasm-opt (binaryen) and Playwright. A stamp holding
# the lock file's hash tells whether node_modules/ was installed from the current lock file.
ensure_node_packages() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    fail "Node.js and npm are missing." \
      "Install Node.js 20 or newer (Debian: apt-get install nodejs npm), then run this command again."
  local stamp=node_modules/.installed-from-lock want
  want="$(sha256sum package-lock.json | awk '{print $1}')"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    note "node packages: installed from the current package-lock.json"
  else
    step "Installing node packages from package-lock.json"
    npm ci --no-audit --no-fund ||
      fail "could not install the node packages in package-lock.json." "Try: npm ci"
    echo "$want" >"$stamp"
  fi
  command -v wasm-opt >/dev/null 2>&1 ||
    fail "wasm-opt is missing after installing the node packages." "Try: npm ci"
}

ensure_chromium() {
  if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    note "chromium: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
    return
  fi
  step "Installing Chromium and ChromeDriver (Debian packages chromium, chromium-driver)"
  command -v apt-get >/dev/null 2>&1 ||
    fail "Chromium ($CHROMIUM) or ChromeDriver ($CHROMEDRIVER) is missing, and there is no apt-get to install them." \
      "Install both, or point CHROMIUM and CHROMEDRIVER at them, then run this command again."
  {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  } || fail "could not install Chromium and ChromeDriver with apt-get (it needs root or password-less sudo)." \
    "Try: sudo apt-get install chromium chromium-driver"
  [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] ||
    fail "Chromium or ChromeDriver is still missing at $CHROMIUM / $CHROMEDRIVER after installing."
}

# Everything needed to build the app: Rust with the wasm32 target, the release build's nightly,
# trunk, wasm-bindgen-cli, and the node packages (wasm-opt for release builds).
ensure_build_tools() {
  step "Checking the tools"
  need_rust
  ensure_wasm_target
  ensure_release_toolchain
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_packages
}

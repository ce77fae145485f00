# Shared by .ci/serve and .ci/test: each step says what it does, installs only what is missing,
# and a failure stops everything with the name of the step that failed.

set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.6

fail() {
  echo "" >&2
  echo "✗ FAILED at step: $1" >&2
  exit 1
}

step() {
  local name=$1 started=$SECONDS
  shift
  echo "==> $name"
  "$@" || fail "$name"
  # How long each step took, so that a slow run says where its minutes went.
  echo "==> $name: done in $((SECONDS - started)) s"
}

have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
    step "install the Rust target wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
}

ensure_cargo_leptos() {
  if ! { have cargo-leptos && cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; }; then
    step "install cargo-leptos $CARGO_LEPTOS_VERSION (about 25 minutes, only once)" \
      cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local version
  version=$(wasm_bindgen_version)
  [ -n "$version" ] || fail "read the wasm-bindgen version from Cargo.lock"
  if ! { have wasm-bindgen && wasm-bindgen --version 2>/dev/null | grep -q " $version\$"; }; then
    # Not --locked: its own lock file names a crate version the registry does not serve.
    step "install wasm-bindgen-cli $version (about 5 minutes, only once)" \
      cargo install wasm-bindgen-cli --version "$version" --force
  fi
}

ensure_build_tools() {
  have cargo || fail "find cargo (install Rust with rustup first)"
  ensure_wasm_target
  ensure_cargo_leptos
  ensure_wasm_bindgen
}

# Debian packages, installed only when missing.
ensure_apt_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt-get update" as_root apt-get update -qq
  step "install ${missing[*]} (Debian packages)" \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# npm packages of a folder, from its package-lock.json; browsers are never downloaded.
ensure_npm_packages() {
  local folder=$1
  have npm || ensure_apt_packages nodejs npm
  if [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    step "install npm packages in $folder" \
      env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm --prefix "$folder" ci --no-audit --no-fund
  fi
}

# Leaflet's script, stylesheet and images, from npm (frontend/package-lock.json) into
# public/vendor/leaflet, which cargo-leptos copies into the site; map pages load them, others not.
ensure_leaflet() {
  ensure_npm_packages frontend
  step "copy Leaflet into public/vendor/leaflet" copy_leaflet
}

copy_leaflet() {
  local from=frontend/node_modules/leaflet/dist to=public/vendor/leaflet
  mkdir -p "$to/images" &&
    cp "$from/leaflet.js" "$from/leaflet.css" "$to/" &&
    cp "$from"/images/*.png "$to/images/" &&
    # The source map is not shipped; without this line browsers would ask for it.
    sed -i '/sourceMappingURL/d' "$to/leaflet.js"
}

# The same LEPTOS_* settings for every cargo command, so cargo-leptos and cargo test share builds.
export LEPTOS_OUTPUT_NAME=yunyixiang

# The release site in target/site and the server in target/release: size-optimised WASM, hashed
# file names, and every static file precompressed with brotli and gzip. cargo-leptos runs wasm-opt
# from PATH (it would otherwise try to download it): binaryen from npm, since Debian's binaryen 108
# turns wasm-bindgen's externref table into one the browser refuses.
build_release_site() {
  ensure_build_tools
  ensure_leaflet
  ensure_npm_packages .ci/wasm-opt
  export PATH="$PWD/.ci/wasm-opt/node_modules/.bin:$PATH"
  step "build the release site (cargo leptos build --release --precompress)" \
    cargo leptos build --release --precompress
}

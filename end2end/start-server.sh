#!/usr/bin/env bash
# Starts the built server for the browser tests: a fresh SQLite database with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-3100}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export DATABASE_URL="sqlite://$data/e2e.db"
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ADDR="127.0.0.1:$port"
export LEPTOS_OUTPUT_NAME=yunyixiang
# Every browser test signs in from 127.0.0.1, and the demo accounts sign in many times a minute
# (the limits themselves are tested in the server's tests).
export SIGN_IN_ATTEMPTS_PER_IP=1000 SIGN_IN_ATTEMPTS_PER_ACCOUNT=1000
# Codes for sign-up and sign-in are written as files where the tests read them (tests/fixtures.ts
# names the same folder); every code comes from 127.0.0.1, so the limit per address is raised.
export SMS_DIR="${TMPDIR:-/tmp}/yunyixiang-e2e-$port/sms" MAIL_DIR="${TMPDIR:-/tmp}/yunyixiang-e2e-$port/mail"
rm -rf "${TMPDIR:-/tmp}/yunyixiang-e2e-$port"
export SECRET_KEY_FILE="$data/secret.key" CODES_PER_ADDRESS_HOUR=100000 \
  CODES_PER_CONTACT_MINUTE=100 CODES_PER_CONTACT_HOUR=100 CODES_PER_CONTACT_DAY=100
# Only warnings reach the test output (Playwright shows the server's stderr).
export RUST_LOG=${RUST_LOG:-warn}
# The release build by default (what .ci/test builds); SERVER_BIN=target/debug/server for a debug one.
server=${SERVER_BIN:-target/release/server}
"$server" seed-demo
"$server" serve

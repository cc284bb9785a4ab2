#!/usr/bin/env bash
# Installs what building the panel (and, with `test`, the browser tests) needs: the wasm32
# target, wasm-bindgen-cli at the exact version Cargo.lock pins, the npm packages
# package-lock.json pins, and for tests Debian's Chromium and a Python venv of test servers.
# Quick when all is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate exactly, or the glue it writes will not fit.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  cargo install wasm-bindgen-cli --version "$want"
fi

# Playwright must never fetch a browser of its own: the tests drive Debian's Chromium.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# A real SMTP server (aiosmtpd) and an independent Standard Webhooks verifier for the tests,
# in a venv of their own; reinstalled when the pinned list changes.
venv=target/test-venv
if [ "${1:-}" = test ] && { [ ! -x "$venv/bin/python" ] || [ scripts/test-requirements.txt -nt "$venv/installed" ]; }; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/test-requirements.txt
  touch "$venv/installed"
fi

if [ "${1:-}" = test ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends chromium
fi

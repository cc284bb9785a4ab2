#!/usr/bin/env bash
# Measures sizes and timings against the real server in Chromium, prints them, writes
# BENCHMARKS.md, and fails if a budget (loader.js, bytes before open, first open) is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/build-widget.sh >/dev/null
cargo build -p porthole --locked --quiet
node e2e/bench.mjs --write

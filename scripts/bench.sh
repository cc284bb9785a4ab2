#!/usr/bin/env bash
# Measures sizes and timings against the real server in Chromium, prints them, writes
# BENCHMARKS.md, and fails if a budget (loader.js, bytes before open, first open, the host
# page's main-thread time) is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/build-widget.sh >/dev/null
# Timings are of the release build, as deployed; sizes are the same either way.
cargo build -p porthole --locked --quiet --release
PORTHOLE_BIN=target/release/porthole node e2e/bench.mjs --write
# How fast an agent's reply reaches the customer: stream, webhook, email (real SMTP server).
target/test-venv/bin/python scripts/bench_delays.py target/release/porthole
# The host page's cost, as Lighthouse attributes it (last: it fails while over its budget).
PORTHOLE_BIN=target/release/porthole node e2e/lighthouse.mjs --write

#!/usr/bin/env bash
# Runs every test, installing what the tests need first. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tools, and the widget build (the server embeds it)"
bash scripts/setup.sh test
bash scripts/build-widget.sh

echo "== formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
python3 scripts/layers.py

echo "== unit, property, API and CLI tests"
cargo test --workspace --locked

echo "== browser tests: Playwright and Debian's Chromium against the real server"
cargo build -p porthole --locked
npx playwright test --config e2e/playwright.config.mjs

echo "== size budgets (the figures are recorded by scripts/bench.sh)"
node e2e/bench.mjs

#!/usr/bin/env bash
# Runs every test, installing what the tests need first. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== unit, property, API and CLI tests"
cargo test --workspace --locked

#!/usr/bin/env bash
# The server at scale: seeds databases of 1 k and 1 M tickets, measures the same requests on
# both with wrk, and the user's list against a bare axum handler. Writes the figures into
# BENCHMARKS.md and fails if a budget is broken. Takes about ten minutes, most of it seeding.
# Pass --sizes 1000,100000 for a quicker run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends wrk
fi
bash scripts/build-widget.sh >/dev/null
cargo build --release --locked -p porthole --bin porthole --example bare_list
exec python3 scripts/bench_server.py target/release/porthole target/release/examples/bare_list "$@"

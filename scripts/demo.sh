#!/usr/bin/env bash
# Starts Porthole with a demo workspace on an embedded SQLite file (porthole-demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --locked --quiet -- demo "$@"

#!/usr/bin/env bash
# Starts Porthole with a demo workspace on an embedded SQLite file (porthole-demo.db), and a demo
# host site on a second port. The first run installs the widget's build tools, which takes a few
# minutes; later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-widget.sh >/dev/null
exec cargo run --locked --quiet -- demo "$@"

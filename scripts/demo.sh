#!/usr/bin/env bash
# Starts Porthole with a demo workspace on an embedded SQLite file (porthole-demo.db), and a demo
# host site on a second port. The first run installs the widget's build tools and compiles
# everything, which takes about 10 minutes on two cores; later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x target/debug/porthole ]; then
  echo "== First run: installing build tools and compiling Porthole (about 10 minutes)"
fi
echo "== Building the widget"
bash scripts/build-widget.sh | tail -n 1
echo "== Building the server"
cargo build --locked -p porthole
exec target/debug/porthole demo "$@"
